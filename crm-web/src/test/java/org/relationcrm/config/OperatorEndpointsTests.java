package org.relationcrm.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.core.userdetails.UserDetailsService;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.Contact;
import org.relationcrm.feedback.SurveyKind;
import org.relationcrm.feedback.SurveyService;
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.LogInteraction;
import org.relationcrm.shared.Channel;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * The operators' endpoints over real HTTP (README, "Operating Relation"): the probes answer anyone without details,
 * the metrics and the build's information only an operator (OPERATE: the administrator), by HTTP basic or signed in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperatorEndpointsTests {

    private static final Pattern VISITS =
            Pattern.compile("(?m)^relation_interactions_logged_total\\{[^}]*channel=\"VISIT\"[^}]*} ([0-9.E]+)$");
    private static final Pattern SURVEY_LINKS =
            Pattern.compile("(?m)^relation_surveys_sent_total\\{[^}]*sent_by=\"link\"[^}]*} ([0-9.E]+)$");

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    ClientService clients;
    @Autowired
    InteractionService interactions;
    @Autowired
    SurveyService surveys;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    WebTestSupport support;
    User admin;
    User sales;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        admin = support.newUser(Role.ADMIN);
        sales = support.newUser(Role.SALES);
    }

    @Test
    void livenessAndReadinessAnswerUpToAnyoneAndReadinessChecksTheDatabase() throws Exception {
        HttpResponse<String> liveness = get("/actuator/health/liveness", null);
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).isEqualTo("{\"status\":\"UP\"}");
        HttpResponse<String> readiness = get("/actuator/health/readiness", null);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).as("no details for anyone").isEqualTo("{\"status\":\"UP\"}");
        assertThat(get("/actuator/health", null).body()).contains("\"status\":\"UP\"").doesNotContain("db", "components");

        // the operator sees what readiness is made of: the database among its components
        HttpResponse<String> detailed = get("/actuator/health/readiness", basic(admin));
        assertThat(detailed.statusCode()).isEqualTo(200);
        assertThat(detailed.body()).containsPattern("\"db\":\\{\"details\":\\{\"database\":\"PostgreSQL\"[^}]*},\"status\":\"UP\"}")
                .contains("\"readinessState\":{\"status\":\"UP\"}");
    }

    @Test
    void metricsAreRefusedToAnonymousVisitorsAndToOtherRoles() throws Exception {
        HttpResponse<String> anonymous = get("/actuator/prometheus", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic realm=\"Relation operators\""));
        assertThat(anonymous.headers().allValues("Set-Cookie")).as("no session for a refused scrape").isEmpty();
        assertThat(get("/actuator/info", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", basic(sales)).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/info", basic(sales)).statusCode()).isEqualTo(403);
        HttpVisitor signedIn = new HttpVisitor(base());
        signedIn.logIn(sales.username(), WebTestSupport.PASSWORD);
        assertThat(signedIn.get("/actuator/prometheus").statusCode()).isEqualTo(403);
        // endpoints that are not exposed, or not for the web, stay closed to the operator too
        assertThat(get("/actuator/env", basic(admin)).statusCode()).isIn(403, 404);
        assertThat(get("/actuator/beans", basic(admin)).statusCode()).isIn(403, 404);
    }

    @Test
    void theOperatorReadsRouteTimingsThePoolTheJvmAndTheBusinessCounters() throws Exception {
        Company company = support.companyOwnedBy(sales);
        HttpVisitor rep = new HttpVisitor(base());
        rep.logIn(sales.username(), WebTestSupport.PASSWORD);
        assertThat(rep.get("/clients/" + company.id() + "/interactions/new").statusCode()).isEqualTo(200);
        String before = get("/actuator/prometheus", basic(admin)).body();
        double visitsBefore = count(VISITS, before);
        double linksBefore = count(SURVEY_LINKS, before);

        interactions.log(new LogInteraction(company.id(), Set.of(), Channel.VISIT, Direction.OUTBOUND,
                Instant.now().minusSeconds(3600), "Visite", null, null, null, null, null), sales.asActor());
        interactions.log(new LogInteraction(company.id(), Set.of(), Channel.VISIT, Direction.OUTBOUND,
                Instant.now().minusSeconds(1800), "Visite", null, null, null, null, null), sales.asActor());
        Contact person = clients.addContact(company.id(), TestData.person("Anne", "Oui", "anne.oui@x.example"));
        surveys.send(SurveyKind.NPS, person.id(), false, sales.asActor());

        HttpResponse<String> scrape = get("/actuator/prometheus", basic(admin));
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(scrape.body())
                .contains("http_server_requests_seconds_count{")
                .contains("uri=\"/clients/{companyId}/interactions/new\"")
                .contains("hikaricp_connections_active{")
                .contains("jvm_memory_used_bytes{")
                .contains("# TYPE relation_surveys_sent_total counter");
        assertThat(count(VISITS, scrape.body()) - visitsBefore).isEqualTo(2.0);
        assertThat(count(SURVEY_LINKS, scrape.body()) - linksBefore).isEqualTo(1.0);

        // a signed-in administrator reads them in the browser
        HttpVisitor browser = new HttpVisitor(base());
        browser.logIn(admin.username(), WebTestSupport.PASSWORD);
        assertThat(browser.get("/actuator/prometheus").statusCode()).isEqualTo(200);
    }

    @Test
    void infoGivesTheVersionAndTheCommit() throws Exception {
        HttpResponse<String> info = get("/actuator/info", basic(admin));
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.body()).containsPattern("\"build\":\\{[^}]*\"version\":\"\\d+\\.\\d+\\.\\d+")
                .contains("\"artifact\":\"crm-web\"");
        if (new ClassPathResource("git.properties").exists()) { // absent where the build had no .git
            assertThat(info.body()).containsPattern("\"git\":\\{.*\"commit\":\\{.*\"id\":\"[0-9a-f]{7}");
        }
    }

    @Test
    void everyAnswerCarriesItsRequestIdEchoedWhenSaneReplacedOtherwise() throws Exception {
        HttpResponse<String> echoed = send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health/liveness"))
                .header("X-Request-Id", "lb-7f3a.42"));
        assertThat(echoed.headers().firstValue("X-Request-Id")).hasValue("lb-7f3a.42");

        HttpResponse<String> replaced = send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("X-Request-Id", "bad id\" with quotes and spaces"));
        assertThat(replaced.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id)
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));

        HttpResponse<String> fresh = get("/login", null);
        assertThat(fresh.headers().firstValue("X-Request-Id")).isPresent();
    }

    /** The value of one series in a scrape. */
    private static double count(Pattern series, String scrape) {
        Matcher line = series.matcher(scrape);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String basic(User user) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (user.username() + ":" + WebTestSupport.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
