package org.relationcrm.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.util.ReflectionTestUtils;

import org.relationcrm.RelationApplication;
import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestDatabase;

/**
 * Two app nodes on one database, as behind a load balancer: node A is this test's application, node B a second
 * application started next to it on the same PostgreSQL. A session opened on one node works on the other, and a
 * scheduled job triggered on both nodes at the same moment runs once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class TwoNodesTests {

    static ConfigurableApplicationContext nodeB;

    @LocalServerPort
    int portA;
    @Autowired
    ApplicationContext nodeA;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    ClientService clients;

    @BeforeAll
    static void startNodeB() {
        TestDatabase.Connection db = TestDatabase.get();
        nodeB = new SpringApplicationBuilder(RelationApplication.class)
                .properties("server.port=0", "spring.datasource.url=" + db.url(),
                        "spring.datasource.username=" + db.username(), "spring.datasource.password=" + db.password())
                .run();
    }

    @AfterAll
    static void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void aSessionOpenedOnOneNodeIsUsedOnTheOther() {
        User rep = new WebTestSupport(users, userDetails, clients).newUser(Role.SALES);
        HttpVisitor browser = new HttpVisitor(urlOf(portA));
        assertThat(browser.logIn(rep.username(), WebTestSupport.PASSWORD).statusCode()).isEqualTo(302);
        assertThat(browser.cookie("SESSION")).isNotNull();

        browser.moveTo(urlOf(portB()));
        var page = browser.get("/clients");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(rep.fullName());

        // and the forms rendered by node B are accepted by node A (the CSRF token is not tied to a node)
        browser.moveTo(urlOf(portA));
        assertThat(browser.post("/logout", java.util.Map.of()).statusCode()).isEqualTo(302);
        assertThat(browser.moveTo(urlOf(portB())).get("/clients").statusCode()).isEqualTo(302);
    }

    @Test
    void aScheduledJobTriggeredOnBothNodesAtOnceRunsOnce(CapturedOutput output) {
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Void>> runs = List.of(nodeA, nodeB).stream()
                .map(node -> CompletableFuture.runAsync(() -> {
                    Object jobs = node.getBean("feedbackJobs");
                    await(together);
                    ReflectionTestUtils.invokeMethod(jobs, "sendPlannedSurveys");
                }))
                .toList();
        runs.forEach(CompletableFuture::join);

        assertThat(Pattern.compile("Job feedback-send-planned-surveys ran").matcher(output.getAll()).results().count())
                .isEqualTo(1);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int portB() {
        return Integer.parseInt(nodeB.getEnvironment().getProperty("local.server.port"));
    }

    private static String urlOf(int port) {
        return "http://127.0.0.1:" + port;
    }
}
