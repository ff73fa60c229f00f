package org.relationcrm.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

import org.relationcrm.WebTestSupport;
import org.relationcrm.api.ApiScope;
import org.relationcrm.api.ApiTokenService;
import org.relationcrm.catalog.ProductLineAdmin;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * Orders and requests written through the API over a real port, each call with a real personal token, as a script
 * would: created (201, ETag, Location), moved on only with the ETag in If-Match (428 without, 412 on a version
 * gone by), the pages' permissions (403 for a READ token, for a role without the right, for a record of another
 * department), 400 with each broken field and its message, 404; and problems in the language the caller asks for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiWritesOverHttpTests {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    ClientService clients;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    ProductLineAdmin productLines;
    @Autowired
    Clock clock;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    WebTestSupport support;
    User sales;
    User adv;
    User supportAgent;
    String salesWrite;
    String advWrite;
    String supportWrite;
    Company company;
    LocalDate today;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        sales = support.newUser(Role.SALES);
        adv = support.newUser(Role.ADV);
        supportAgent = support.newUser(Role.SUPPORT);
        salesWrite = tokens.create("script", ApiScope.READ_WRITE, sales.asActor()).secret();
        advWrite = tokens.create("erp", ApiScope.READ_WRITE, adv.asActor()).secret();
        supportWrite = tokens.create("helpdesk", ApiScope.READ_WRITE, supportAgent.asActor()).secret();
        company = support.companyOwnedBy(sales);
        today = LocalDate.now(clock);
    }

    @Test
    void theOrderDeskPlacesAnOrderWithItsLinesThenMovesItOnWithIfMatchAndCancelsItWithAReason() throws Exception {
        long line = productLine();
        Answer placed = call("POST", "/api/v1/orders", advWrite, orderJson(company.id(), line, today.plusDays(10)));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        assertThat(placed.header("ETag")).isEqualTo("\"0\"");
        String url = placed.header("Location");
        assertThat(url).startsWith("/api/v1/orders/");
        assertThat(placed.<String>json("$.status")).isEqualTo("RECEIVED");
        assertThat(placed.<String>json("$.number")).startsWith("CMD-");
        assertThat(placed.<Number>json("$.lines[0].productLineId").longValue()).isEqualTo(line);
        assertThat(placed.<Integer>json("$.lines[0].quantity")).isEqualTo(3);
        assertThat(placed.<Number>json("$.total").doubleValue()).isEqualTo(270.0); // 3 × 100, less 10 %
        assertThat(call("GET", url, salesWrite, null).status()).as("everyone reads orders").isEqualTo(200);

        String revised = orderJson(null, line, today.plusDays(20));
        assertThat(call("PUT", url, advWrite, revised).status()).as("no If-Match").isEqualTo(428);
        Answer saved = call("PUT", url, advWrite, revised, "If-Match", "\"0\"");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.header("ETag")).isEqualTo("\"1\"");
        assertThat(saved.<String>json("$.promisedOn")).isEqualTo(today.plusDays(20).toString());
        Answer stale = call("PUT", url, advWrite, revised, "If-Match", "\"0\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.<Integer>json("$.currentVersion")).isEqualTo(1);
        assertThat(stale.<String>json("$.code")).isEqualTo("stale");

        assertThat(call("POST", url + "/status", advWrite, "{\"to\":\"CONFIRMED\"}").status()).isEqualTo(428);
        Answer confirmed = call("POST", url + "/status", advWrite, "{\"to\":\"CONFIRMED\"}", "If-Match", "\"1\"");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.<String>json("$.status")).isEqualTo("CONFIRMED");
        Answer shipped = call("POST", url + "/status", advWrite,
                "{\"to\":\"SHIPPED\",\"on\":\"" + today + "\"}", "If-Match", "\"2\"");
        assertThat(shipped.<String>json("$.status")).isEqualTo("SHIPPED");
        assertThat(shipped.<String>json("$.shippedOn")).isEqualTo(today.toString());
        assertThat(call("PUT", url, advWrite, revised, "If-Match", "\"3\"").status())
                .as("a shipped order is no longer edited").isEqualTo(409);

        assertThat(call("POST", url + "/cancel", advWrite, "{\"reason\":\"CLIENT_REQUEST\"}", "If-Match", "\"2\"")
                .status()).isEqualTo(412);
        Answer cancelled = call("POST", url + "/cancel", advWrite,
                "{\"reason\":\"CLIENT_REQUEST\",\"note\":\"Le client a trouvé ailleurs\"}", "If-Match", "\"3\"");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.<String>json("$.status")).isEqualTo("CANCELLED");
        assertThat(cancelled.<String>json("$.cancelReason")).isEqualTo("CLIENT_REQUEST");
        assertThat(cancelled.<String>json("$.cancelNote")).isEqualTo("Le client a trouvé ailleurs");
        assertThat(call("POST", url + "/status", advWrite, "{\"to\":\"DELIVERED\",\"on\":\"" + today + "\"}",
                "If-Match", "\"4\"").status()).as("a cancelled order moves no more").isEqualTo(409);
        assertThat(call("DELETE", url, advWrite, null).status()).as("never deleted").isEqualTo(405);

        Answer listed = call("GET", "/api/v1/orders?company=" + company.id() + "&status=CANCELLED", salesWrite, null);
        assertThat(listed.<List<?>>json("$.items")).hasSize(1);
        assertThat(listed.<Integer>json("$.items[0].lines[0].quantity")).isEqualTo(3);
        assertThat(call("POST", "/api/v1/orders/999999999/cancel", advWrite, "{\"reason\":\"OTHER\"}",
                "If-Match", "\"0\"").status()).isEqualTo(404);
    }

    @Test
    void aBrokenOrderIsA400ListingEachFieldWithItsMessage() throws Exception {
        long line = productLine();
        Answer noLines = call("POST", "/api/v1/orders", advWrite, "{\"companyId\":" + company.id()
                + ",\"orderedOn\":\"" + today + "\",\"currency\":\"euro\",\"paymentTerms\":\"NET_30\","
                + "\"promisedOn\":\"" + today.minusDays(1) + "\",\"lines\":[]}");
        assertThat(noLines.status()).as(noLines.body()).isEqualTo(400);
        assertThat(noLines.<String>json("$.code")).isEqualTo("invalidValues");
        assertThat(noLines.<List<String>>json("$.errors[*].field")).contains("currency", "lines", "promisedOn");
        assertThat(noLines.<List<String>>json("$.errors[?(@.field == 'currency')].message"))
                .containsExactly("A currency in three capital letters, such as EUR.");
        assertThat(noLines.<List<String>>json("$.errors[?(@.field == 'lines')].code")).contains("order.lines.none");

        Answer someoneElses = call("POST", "/api/v1/orders", advWrite, "{\"companyId\":" + company.id()
                + ",\"personId\":999999999,\"orderedOn\":\"" + today + "\",\"paymentTerms\":\"NET_30\","
                + "\"promisedOn\":\"" + today + "\",\"lines\":[{\"productLineId\":" + line
                + ",\"quantity\":1,\"unitPrice\":5}]}");
        assertThat(someoneElses.status()).isEqualTo(400);
        assertThat(someoneElses.<List<String>>json("$.errors[*].field")).as("the API's name of the field")
                .containsExactly("personId");

        Answer noCompany = call("POST", "/api/v1/orders", advWrite, "{\"lines\":[]}");
        assertThat(noCompany.status()).isEqualTo(400);
        assertThat(noCompany.<List<String>>json("$.errors[*].field")).containsExactly("companyId");
        assertThat(noCompany.<List<String>>json("$.errors[*].message")).containsExactly("This field is required.");

        String url = call("POST", "/api/v1/orders", advWrite, orderJson(company.id(), line, today)).header("Location");
        Answer noStatus = call("POST", url + "/status", advWrite, "{\"on\":\"" + today + "\"}", "If-Match", "\"0\"");
        assertThat(noStatus.status()).as(noStatus.body()).isEqualTo(400);
        assertThat(noStatus.<List<String>>json("$.errors[*].field")).containsExactly("to");
        assertThat(noStatus.<List<String>>json("$.errors[*].code")).containsExactly("NotNull");
        Answer confirmed = call("POST", url + "/status", advWrite, "{\"to\":\"CONFIRMED\"}", "If-Match", "\"0\"");
        assertThat(confirmed.status()).isEqualTo(200);
        Answer aheadOfToday = call("POST", url + "/status", advWrite,
                "{\"to\":\"SHIPPED\",\"on\":\"" + today.plusDays(3) + "\"}", "If-Match", "\"1\"");
        assertThat(aheadOfToday.status()).isEqualTo(400);
        assertThat(aheadOfToday.<List<String>>json("$.errors[*].code")).containsExactly("order.date.future");
        assertThat(call("POST", url + "/cancel", advWrite, "{}", "If-Match", "\"1\"").<List<String>>json(
                "$.errors[*].field")).containsExactly("reason");
    }

    @Test
    void ordersAreWrittenOnlyWithAReadWriteTokenAndTheOrderDesksRights() throws Exception {
        long line = productLine();
        String order = orderJson(company.id(), line, today);
        assertThat(call("POST", "/api/v1/orders", null, order).status()).isEqualTo(401);
        String advRead = tokens.create("read", ApiScope.READ, adv.asActor()).secret();
        Answer readOnly = call("POST", "/api/v1/orders", advRead, order);
        assertThat(readOnly.status()).isEqualTo(403);
        assertThat(readOnly.header("Content-Type")).startsWith("application/problem+json");
        // a sales rep passes only the order of a won deal of theirs (the service's rule, as on the pages)
        assertThat(call("POST", "/api/v1/orders", salesWrite, order).status()).isEqualTo(403);
        String url = call("POST", "/api/v1/orders", advWrite, order).header("Location");
        // and follows no order: that is the order desk's work
        assertThat(call("PUT", url, salesWrite, order, "If-Match", "\"0\"").status()).isEqualTo(403);
        assertThat(call("POST", url + "/status", salesWrite, "{\"to\":\"CONFIRMED\"}", "If-Match", "\"0\"")
                .status()).isEqualTo(403);
        assertThat(call("POST", url + "/cancel", supportWrite, "{\"reason\":\"OTHER\"}", "If-Match", "\"0\"")
                .status()).isEqualTo(403);
        assertThat(call("POST", url + "/status", advRead, "{\"to\":\"CONFIRMED\"}", "If-Match", "\"0\"")
                .status()).isEqualTo(403);
        assertThat(call("GET", url, advRead, null).status()).isEqualTo(200);
    }

    @Test
    void aRequestIsSentAnsweredAndRatedStepByStepOnTheVersionSeen() throws Exception {
        Answer sent = call("POST", "/api/v1/requests", salesWrite, "{\"companyId\":" + company.id()
                + ",\"toDepartment\":\"SUPPORT\",\"kind\":\"TECHNICAL_HELP\",\"needed\":\"Installer le module\"}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.header("ETag")).isEqualTo("\"0\"");
        assertThat(sent.<String>json("$.status")).isEqualTo("NEW");
        assertThat(sent.<String>json("$.fromDepartment")).isEqualTo("SALES");
        assertThat(sent.<Number>json("$.requesterId").longValue()).isEqualTo(sales.id());
        String url = sent.header("Location");
        long id = sent.<Number>json("$.id").longValue();

        Answer queue = call("GET", "/api/v1/requests?department=SUPPORT&status=NEW&kind=TECHNICAL_HELP&company="
                + company.id(), supportWrite, null);
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.<List<Number>>json("$.items[*].id")).extracting(Number::longValue).containsExactly(id);
        assertThat(call("GET", "/api/v1/requests?department=ADV&company=" + company.id(), supportWrite, null)
                .<List<?>>json("$.items")).isEmpty();
        assertThat(call("GET", "/api/v1/requests?owner=" + sales.id() + "&status=DONE", salesWrite, null)
                .<List<?>>json("$.items")).isEmpty();

        assertThat(call("POST", url + "/accept", supportWrite, null).status()).isEqualTo(428);
        assertThat(call("POST", url + "/accept", advWrite, null, "If-Match", "\"0\"").status())
                .as("another department does not take it").isEqualTo(403);
        Answer accepted = call("POST", url + "/accept", supportWrite, null, "If-Match", "\"0\"");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.<String>json("$.status")).isEqualTo("ACCEPTED");
        assertThat(accepted.<Number>json("$.handlerId").longValue()).isEqualTo(supportAgent.id());
        assertThat(call("POST", url + "/accept", supportWrite, null, "If-Match", "\"0\"").status())
                .as("the same click twice").isEqualTo(412);

        Answer asked = call("POST", url + "/ask", supportWrite, "{\"question\":\"Quelle version ?\"}",
                "If-Match", "\"1\"");
        assertThat(asked.<String>json("$.status")).isEqualTo("NEEDS_INFORMATION");
        assertThat(call("POST", url + "/reply", supportWrite, "{\"reply\":\"La 4\"}", "If-Match", "\"2\"").status())
                .as("only the requester replies").isEqualTo(403);
        Answer replied = call("POST", url + "/reply", salesWrite, "{\"reply\":\"La 4\"}", "If-Match", "\"2\"");
        assertThat(replied.<String>json("$.status")).isEqualTo("ACCEPTED");
        assertThat(replied.<String>json("$.informationGiven")).isEqualTo("La 4");
        Answer blank = call("POST", url + "/done", supportWrite, "{\"answer\":\"  \"}", "If-Match", "\"3\"");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.<List<String>>json("$.errors[*].field")).containsExactly("answer");
        Answer done = call("POST", url + "/done", supportWrite, "{\"answer\":\"Installé à distance\"}",
                "If-Match", "\"3\"");
        assertThat(done.<String>json("$.status")).isEqualTo("DONE");
        assertThat(done.<String>json("$.answer")).isEqualTo("Installé à distance");

        Answer whyNot = call("POST", url + "/rate", salesWrite, "{\"useful\":false}", "If-Match", "\"4\"");
        assertThat(whyNot.status()).isEqualTo(400);
        assertThat(whyNot.<List<String>>json("$.errors[*].code")).containsExactly("request.rate.whyNot");
        assertThat(whyNot.<List<String>>json("$.errors[*].message")).containsExactly("Say what was missing.");
        Answer rated = call("POST", url + "/rate", salesWrite, "{\"useful\":true}", "If-Match", "\"4\"");
        assertThat(rated.status()).as(rated.body()).isEqualTo(200);
        assertThat(rated.<Boolean>json("$.useful")).isTrue();
        assertThat(call("GET", "/api/v1/requests?owner=" + sales.id() + "&status=DONE", salesWrite, null)
                .<List<?>>json("$.items")).hasSize(1);
        assertThat(call("POST", "/api/v1/requests/999999999/accept", supportWrite, null, "If-Match", "\"0\"")
                .status()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/requests/999999999", supportWrite, null).status()).isEqualTo(404);
    }

    @Test
    void requestsAreSentOnlyByThoseWhoMayAndEachMissingFieldIsNamed() throws Exception {
        String request = "{\"companyId\":" + company.id() + ",\"toDepartment\":\"ADV\",\"kind\":\"CREDIT_NOTE\","
                + "\"needed\":\"Avoir de 200 €\"}";
        assertThat(call("POST", "/api/v1/requests", null, request).status()).isEqualTo(401);
        String salesRead = tokens.create("read", ApiScope.READ, sales.asActor()).secret();
        assertThat(call("POST", "/api/v1/requests", salesRead, request).status()).isEqualTo(403);
        User admin = support.newUser(Role.ADMIN);
        String adminWrite = tokens.create("admin", ApiScope.READ_WRITE, admin.asActor()).secret();
        assertThat(call("POST", "/api/v1/requests", adminWrite, request).status())
                .as("an administrator sends no requests, as on the pages").isEqualTo(403);
        String url = call("POST", "/api/v1/requests", salesWrite, request).header("Location");
        assertThat(call("POST", url + "/accept", adminWrite, null, "If-Match", "\"0\"").status()).isEqualTo(403);
        assertThat(call("GET", url, adminWrite, null).status()).as("a request's page is open to all")
                .isEqualTo(200);

        Answer empty = call("POST", "/api/v1/requests", salesWrite, "{\"needed\":\"\"}");
        assertThat(empty.status()).as(empty.body()).isEqualTo(400);
        assertThat(empty.<List<String>>json("$.errors[*].field"))
                .containsExactlyInAnyOrder("companyId", "toDepartment", "kind", "needed");
        assertThat(empty.<List<String>>json("$.errors[*].message")).containsOnly("This field is required.");
        Answer unknown = call("POST", "/api/v1/requests", salesWrite, request.replace("\"companyId\":"
                + company.id(), "\"companyId\":999999999"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/requests?kind=NOPE", salesWrite, null).status()).isEqualTo(400);
    }

    @Test
    void aProblemIsWrittenInFrenchWhenTheCallerAsksForFrenchAndInEnglishOtherwise() throws Exception {
        String url = call("POST", "/api/v1/requests", salesWrite, "{\"companyId\":" + company.id()
                + ",\"toDepartment\":\"SUPPORT\",\"kind\":\"QUESTION\",\"needed\":\"Délai ?\"}").header("Location");

        Answer french = call("POST", url + "/accept", supportWrite, null, "Accept-Language", "fr-FR,fr;q=0.9");
        assertThat(french.status()).isEqualTo(428);
        assertThat(french.<String>json("$.title")).isEqualTo("Version requise");
        assertThat(french.<String>json("$.detail")).startsWith("Envoyez l'ETag de l'enregistrement dans If-Match");
        assertThat(french.header("Content-Language")).isEqualTo("fr");
        Answer english = call("POST", url + "/accept", supportWrite, null);
        assertThat(english.<String>json("$.title")).isEqualTo("Precondition Required");
        assertThat(english.<String>json("$.detail")).startsWith("Send the record's ETag in If-Match");
        assertThat(english.header("Content-Language")).isEqualTo("en");
        // what a program reads does not change with the language (type: absent, that is about:blank, in both)
        for (Answer answer : List.of(french, english)) {
            assertThat(answer.<Map<String, Object>>json("$")).doesNotContainKey("type")
                    .containsEntry("code", "ifMatchRequired").containsEntry("status", 428)
                    .containsEntry("instance", url + "/accept");
        }
        assertThat(call("POST", url + "/accept", supportWrite, null, "Accept-Language", "de-DE")
                .<String>json("$.title")).as("neither French nor English: English").isEqualTo("Precondition Required");
        assertThat(call("POST", url + "/accept", supportWrite, null, "Accept-Language", "de, fr;q=0.5")
                .<String>json("$.title")).as("French is the one of ours it prefers").isEqualTo("Version requise");
        assertThat(call("POST", url + "/accept", supportWrite, null, "Accept-Language", "fr;q=0.4, en;q=0.8")
                .<String>json("$.title")).isEqualTo("Precondition Required");
        assertThat(call("POST", url + "/accept", supportWrite, null, "Accept-Language", ";;;=garbage")
                .status()).as("a malformed header is no 500").isEqualTo(428);

        Answer fields = call("POST", "/api/v1/requests", salesWrite, "{\"needed\":\"x\"}", "Accept-Language", "fr");
        assertThat(fields.<String>json("$.title")).isEqualTo("Requête invalide");
        assertThat(fields.<List<String>>json("$.errors[?(@.field == 'kind')].message"))
                .containsExactly("Ce champ est obligatoire.");
        assertThat(fields.<List<String>>json("$.errors[?(@.field == 'kind')].code")).containsExactly("NotNull");
        Answer rule = call("POST", url + "/done", supportWrite, "{\"answer\":\"" + "x".repeat(5_001) + "\"}",
                "If-Match", "\"0\"", "Accept-Language", "fr");
        assertThat(rule.<List<String>>json("$.errors[*].message")).singleElement().asString()
                .contains("5\u202f000 caractères");
        Answer unauthorized = call("GET", "/api/v1/requests", null, null, "Accept-Language", "fr");
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.<String>json("$.title")).isEqualTo("Non authentifié");
        assertThat(unauthorized.<String>json("$.code")).isEqualTo("unauthorized");
        assertThat(call("GET", "/api/v1/requests", null, null).<String>json("$.title")).isEqualTo("Unauthorized");
        Answer noRoute = call("GET", "/api/v1/nothing-here", supportWrite, null, "Accept-Language", "fr");
        assertThat(noRoute.status()).isEqualTo(404);
        assertThat(noRoute.<String>json("$.detail")).startsWith("Cette opération n'existe pas");
        Answer badCursor = call("GET", "/api/v1/requests?after=%25%25", supportWrite, null, "Accept-Language", "fr");
        assertThat(badCursor.<String>json("$.detail")).startsWith("« after » n'est pas un curseur");
        Answer badType = call("GET", "/api/v1/requests?limit=abc", supportWrite, null, "Accept-Language", "en");
        assertThat(badType.<String>json("$.detail")).isEqualTo("The parameter \"limit\" does not have a value of "
                + "the expected type.");
    }

    private long productLine() {
        User admin = support.newUser(Role.ADMIN);
        return productLines.create(TestData.unique("L").substring(0, 8).toUpperCase(), "Gamme", null,
                admin.asActor()).id();
    }

    /** An order of 3 × 100 less 10 %, promised on {@code promisedOn}; without {@code companyId} when null. */
    private String orderJson(Long companyId, long line, LocalDate promisedOn) {
        return "{" + (companyId == null ? "" : "\"companyId\":" + companyId + ",") + "\"orderedOn\":\"" + today
                + "\",\"currency\":\"EUR\",\"paymentTerms\":\"NET_30\",\"promisedOn\":\"" + promisedOn
                + "\",\"lines\":[{\"productLineId\":" + line + ",\"quantity\":3,\"unitPrice\":100,"
                + "\"discountPercent\":10}]}";
    }

    record Answer(int status, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }

        <T> T json(String path) {
            return JsonPath.read(body, path);
        }
    }

    /** One call: a method, a path, the token (none when null), a JSON body (none when null), then header pairs. */
    private Answer call(String method, String path, String token, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().map(), response.body());
    }
}
