package org.relationcrm.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.team.LoginThrottle;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * Guessing passwords: after a few failures the account, and after more failures across usernames the client
 * address, is refused for a while, with the same answer whether the account exists or not. The counts are in
 * PostgreSQL (shared by every node); the clock is a test clock so the lock can expire without waiting.
 * Each test uses its own addresses (the database is shared by the test classes of this JVM).
 */
@SpringBootTest(properties = {"relation.login.max-account-failures=5", "relation.login.max-address-failures=20",
        "relation.login.lock-duration=PT15M"})
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleTests {

    private static final String WRONG = "not-the-password";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    ClientService clients;
    @Autowired
    TestClock clock;
    @Autowired
    LoginThrottle throttle;
    @Autowired
    JdbcClient jdbc;

    User user;

    @BeforeEach
    void setUp() {
        user = new WebTestSupport(users, null, clients).newUser(Role.SALES);
    }

    @Test
    void afterFiveWrongPasswordsTheAccountIsLockedEvenWithTheRightPasswordAndFromAnotherAddress(CapturedOutput log)
            throws Exception {
        String address = newAddress();
        for (int i = 1; i <= 4; i++) {
            login(user.username(), WRONG, address).andExpect(redirectedUrl("/login?error"));
        }
        login(user.username(), WRONG, address).andExpect(redirectedUrl("/login?locked"));

        login(user.username(), WebTestSupport.PASSWORD, address)
                .andExpect(redirectedUrl("/login?locked")).andExpect(unauthenticated());
        login(user.username(), WebTestSupport.PASSWORD, newAddress())
                .andExpect(redirectedUrl("/login?locked")).andExpect(unauthenticated());

        mvc.perform(get("/login?locked"))
                .andExpect(content().string(Matchers.containsString("Trop de tentatives de connexion")));
        mvc.perform(get("/login?locked&lang=en"))
                .andExpect(content().string(Matchers.containsString("Too many failed sign-in attempts")));
        assertThat(log.getOut()).containsOnlyOnce("login locked")
                .contains("account=" + user.username()).contains("address=" + address).doesNotContain(WRONG);
    }

    @Test
    void anAddressIsThrottledAfterTwentyFailuresAcrossUsernamesWhileOtherAddressesStillSignIn() throws Exception {
        String address = newAddress();
        String sprayed = TestData.unique("spray");
        for (int i = 0; i < 30; i++) {
            login(sprayed + "-" + i, WRONG, address);
        }
        // the 10 usernames tried once the address was locked were not even counted: one address adds few rows
        assertThat(jdbc.sql("select count(*) from login_attempt where kind = 'ACCOUNT' and subject like :prefix")
                .param("prefix", sprayed + "-%").query(Long.class).single()).isEqualTo(20);
        login(user.username(), WebTestSupport.PASSWORD, address)
                .andExpect(redirectedUrl("/login?locked")).andExpect(unauthenticated());
        login(user.username(), WebTestSupport.PASSWORD, newAddress())
                .andExpect(redirectedUrl("/")).andExpect(authenticated());
    }

    @Test
    void theLockDoesNotTellWhetherTheAccountExists() throws Exception {
        String address = newAddress();
        String unknown = TestData.unique("nobody");
        for (int i = 1; i <= 4; i++) {
            login(unknown, WRONG, address).andExpect(redirectedUrl("/login?error"));
        }
        login(unknown, WRONG, address).andExpect(redirectedUrl("/login?locked"));
        login(unknown, WRONG, newAddress()).andExpect(redirectedUrl("/login?locked"));
    }

    @Test
    void theLockExpires() throws Exception {
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            login(user.username(), WRONG, address);
        }
        login(user.username(), WebTestSupport.PASSWORD, address).andExpect(redirectedUrl("/login?locked"));

        clock.advance(Duration.ofMinutes(16));
        login(user.username(), WebTestSupport.PASSWORD, address)
                .andExpect(redirectedUrl("/")).andExpect(authenticated());
    }

    @Test
    void aSuccessfulSignInStartsTheAccountsCountAgain() throws Exception {
        String address = newAddress();
        for (int i = 0; i < 4; i++) {
            login(user.username(), WRONG, address).andExpect(redirectedUrl("/login?error"));
        }
        login(user.username(), WebTestSupport.PASSWORD, address).andExpect(authenticated());
        for (int i = 0; i < 4; i++) {
            login(user.username(), WRONG, address).andExpect(redirectedUrl("/login?error"));
        }
        login(user.username(), WebTestSupport.PASSWORD, address)
                .andExpect(redirectedUrl("/")).andExpect(authenticated());
    }

    @Test
    void countsOlderThanTheWindowAreForgottenButRunningLocksAreKept() throws Exception {
        String stale = newAddress();
        login(TestData.unique("nobody"), WRONG, stale);
        clock.advance(Duration.ofMinutes(61));
        String locked = newAddress();
        for (int i = 0; i < 5; i++) {
            login(user.username(), WRONG, locked);
        }

        throttle.forgetOldFailures();

        assertThat(rowsFor(stale)).isZero();
        assertThat(rowsFor(locked)).isOne();
        login(user.username(), WebTestSupport.PASSWORD, newAddress()).andExpect(redirectedUrl("/login?locked"));
    }

    private long rowsFor(String address) {
        return jdbc.sql("select count(*) from login_attempt where kind = 'ADDRESS' and subject = :address")
                .param("address", address).query(Long.class).single();
    }

    private ResultActions login(String username, String password, String address) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                }));
    }

    /** A private address, random so that each test has its own counts. */
    private static String newAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(1, 255) + "." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
    }

    /** A clock the test moves forward; Relation's time zone so nothing else changes. */
    static final class TestClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Europe/Paris");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
