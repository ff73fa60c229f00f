package org.relationcrm.config;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;

/**
 * HTTP basic on /actuator counts wrong passwords in the login form's throttle: after five (the default limit) the
 * account is refused even with the right password, from any address. Each test uses its own address (the database is
 * shared by the test classes of this JVM).
 */
@SpringBootTest
@AutoConfigureMockMvc
class OperatorBasicAuthTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    ClientService clients;

    @Test
    void fiveWrongPasswordsLockTheOperatorsAccount() throws Exception {
        User operator = new WebTestSupport(users, null, clients).newUser(Role.ADMIN);
        String address = newAddress();
        mvc.perform(scrape(address).with(httpBasic(operator.username(), WebTestSupport.PASSWORD)))
                .andExpect(status().isOk());
        for (int i = 0; i < 5; i++) {
            mvc.perform(scrape(address).with(httpBasic(operator.username(), "not-the-password")))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(scrape(address).with(httpBasic(operator.username(), WebTestSupport.PASSWORD)))
                .andExpect(status().isUnauthorized());
        mvc.perform(scrape(newAddress()).with(httpBasic(operator.username(), WebTestSupport.PASSWORD)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anUnreadableHeaderIsARefusalNotAnError() throws Exception {
        mvc.perform(scrape(newAddress()).header("Authorization", "Basic %%%not-base64"))
                .andExpect(status().isUnauthorized());
        mvc.perform(scrape(newAddress()).header("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("no-colon".getBytes()))).andExpect(status().isUnauthorized());
    }

    private static MockHttpServletRequestBuilder scrape(String address) {
        return get("/actuator/prometheus").with(request -> {
            request.setRemoteAddr(address);
            return request;
        });
    }

    private static String newAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(1, 255) + "." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
    }
}
