package org.relationcrm.insight.web;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.relationcrm.insight.InsightService;
import org.relationcrm.insight.WeeklySummary;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;

/**
 * The weekly KPI summary reaches each manager who asked for it, in the language they asked in, once a week; a rep
 * who lost the right to the team's KPIs gets nothing, and neither does a manager who stopped it.
 */
@SpringBootTest(properties = "RELATION_BASE_URL=https://crm.example.test/")
class WeeklySummaryMailTests {

    private static final GreenMail SMTP = startSmtp();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @Autowired UserService users;
    @Autowired InsightService insight;
    @Autowired WeeklySummary summary;
    @Autowired JdbcClient jdbc;

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @Test
    void eachManagerWhoAskedGetsTheSummaryInTheirLanguageOnceAWeek() throws Exception {
        User julien = user(Role.MANAGER, "Julien Moreau");
        User emma = user(Role.MANAGER, "Emma Clarke");
        User stopped = user(Role.MANAGER, "Paul Girard");
        User rep = user(Role.SALES, "Sophie Martin");
        insight.weeklySummary(true, "fr", julien.asActor());
        insight.weeklySummary(true, "en", emma.asActor());
        insight.weeklySummary(true, "fr", stopped.asActor());
        insight.weeklySummary(false, "fr", stopped.asActor());
        // a manager subscribed, then made a rep: no more summaries
        jdbc.sql("insert into insight_summary_subscriber (user_id, language, subscribed_at) values (:id, 'fr', now())")
                .param("id", rep.id()).update();

        assertThat(summary.sendDue()).isGreaterThanOrEqualTo(2);

        MimeMessage french = only(julien);
        assertThat(french.getSubject()).startsWith("Indicateurs clients de ");
        String frenchBody = body(french);
        assertThat(frenchBody).contains("Bonjour Julien Moreau", "Taux d'attrition", "NPS",
                "https://crm.example.test/insight");
        MimeMessage english = only(emma);
        assertThat(english.getSubject()).startsWith("Client KPIs for ");
        assertThat(body(english)).contains("Hello Emma Clarke", "Churn rate", "(before: ");
        assertThat(SMTP.getReceivedMessagesForDomain(stopped.email())).isEmpty();
        assertThat(SMTP.getReceivedMessagesForDomain(rep.email())).isEmpty();

        // the same week: nothing more
        summary.sendDue();
        assertThat(SMTP.getReceivedMessagesForDomain(julien.email())).hasSize(1);
    }

    private MimeMessage only(User user) {
        MimeMessage[] mails = SMTP.getReceivedMessagesForDomain(user.email());
        assertThat(mails).as(user.email()).hasSize(1);
        return mails[0];
    }

    private static String body(MimeMessage mail) {
        return GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "=");
    }

    private User user(Role role, String name) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        return users.create("u" + id, "a-long-password", name, name.split(" ")[0].toLowerCase() + "." + id
                + "@relation.example", role, role == Role.SALES ? Department.SALES : Department.MANAGEMENT);
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
