package org.relationcrm.feedback.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.Contact;
import org.relationcrm.feedback.SentSurvey;
import org.relationcrm.feedback.SurveyKind;
import org.relationcrm.feedback.SurveyService;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/** A survey link leaves the app by email: it starts with the configured public address, not the request's host. */
@SpringBootTest(properties = "RELATION_BASE_URL=https://crm.example.test/relation/")
class SurveyLinkTests {

    private static final GreenMail SMTP = startSmtp();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @Autowired
    UserService users;
    @Autowired
    ClientService clients;
    @Autowired
    SurveyService surveys;

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @Test
    void theEmailedLinkStartsWithTheConfiguredBaseUrl() throws Exception {
        WebTestSupport support = new WebTestSupport(users, null, clients);
        User sales = support.newUser(Role.SALES);
        Company company = support.companyOwnedBy(sales);
        String email = "anne." + UUID.randomUUID().toString().substring(0, 8) + "@client.example";
        Contact anne = clients.addContact(company.id(), TestData.person("Anne", "Lemoine", email));

        SentSurvey sent = surveys.send(SurveyKind.NPS, anne.id(), true, sales.asActor());

        assertThat(sent.emailed()).isTrue();
        assertThat(sent.link()).startsWith("https://crm.example.test/relation/s/");
        MimeMessage mail = SMTP.getReceivedMessagesForDomain(email)[0];
        String body = GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "=");
        assertThat(body).contains(sent.link()).doesNotContain("localhost");
    }

    private static GreenMail startSmtp() {
        try (ServerSocket socket = new ServerSocket(0)) {
            int free = socket.getLocalPort();
            socket.close();
            GreenMail mail = new GreenMail(new ServerSetup(free, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            return mail;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
