package org.relationcrm.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

import org.relationcrm.WebTestSupport;
import org.relationcrm.api.ApiScope;
import org.relationcrm.api.ApiTokenService;
import org.relationcrm.api.IssuedToken;
import org.relationcrm.client.ClientService;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;

/**
 * The API over a real port, as a script would call it: the OpenAPI document is valid OpenAPI 3, declares the bearer
 * scheme and requires it on every operation, and every operation it lists does answer 401 without a token; Swagger
 * UI is served; a token reads and writes, and stops once revoked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiOverHttpTests {

    /** What the API serves: a route missing from the document (or one more) fails here. */
    private static final Set<String> PATHS = Set.of("/api/v1/companies", "/api/v1/companies/{id}", "/api/v1/people",
            "/api/v1/people/{id}", "/api/v1/interactions", "/api/v1/interactions/{id}", "/api/v1/deals",
            "/api/v1/deals/{id}", "/api/v1/complaints", "/api/v1/complaints/{id}", "/api/v1/orders",
            "/api/v1/orders/{id}", "/api/v1/orders/{id}/status", "/api/v1/orders/{id}/cancel", "/api/v1/requests",
            "/api/v1/requests/{id}", "/api/v1/requests/{id}/accept", "/api/v1/requests/{id}/done",
            "/api/v1/requests/{id}/decline", "/api/v1/requests/{id}/ask", "/api/v1/requests/{id}/reply",
            "/api/v1/requests/{id}/rate");

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

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    User sales;

    @BeforeEach
    void setUp() {
        sales = new WebTestSupport(users, userDetails, clients).newUser(Role.SALES);
    }

    @Test
    void theOpenApiDocumentIsValidAndEveryOperationRequiresTheBearerTokenAndAnswers401WithoutIt() throws Exception {
        HttpResponse<String> document = send(HttpRequest.newBuilder(uri("/api/docs/openapi")).GET(), null);
        assertThat(document.statusCode()).as("the document is public").isEqualTo(200);
        assertThat(document.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));

        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document.body(), null, options);
        assertThat(parsed.getMessages()).as("validation messages").isEmpty();
        OpenAPI api = parsed.getOpenAPI();
        assertThat(api.getOpenapi()).startsWith("3.");
        SecurityScheme bearer = api.getComponents().getSecuritySchemes().get(ApiDocsConfig.BEARER);
        assertThat(bearer.getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(bearer.getScheme()).isEqualTo("bearer");
        assertThat(api.getPaths().keySet()).containsExactlyInAnyOrderElementsOf(PATHS);

        List<String> failures = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
                operations++;
                String name = entry.getKey() + " " + path.getKey();
                Operation operation = entry.getValue();
                boolean requiresBearer = operation.getSecurity() != null && !operation.getSecurity().isEmpty()
                        && operation.getSecurity().stream().allMatch(r -> r.containsKey(ApiDocsConfig.BEARER));
                if (!requiresBearer) {
                    failures.add(name + ": the document does not require the bearer token");
                }
                String url = path.getKey().replace("{id}", "1");
                HttpRequest.Builder request = HttpRequest.newBuilder(uri(url))
                        .method(entry.getKey().name(), entry.getKey() == PathItem.HttpMethod.GET
                                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
                        .header("Content-Type", "application/json");
                HttpResponse<String> answer = send(request, null);
                if (answer.statusCode() != 401
                        || !answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer")
                        || !answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                    failures.add(name + ": answered " + answer.statusCode() + " without a token");
                }
            }
        }
        assertThat(failures).isEmpty();
        // list, read and create for five: 15; update (PUT, PATCH) for companies, people and deals: 6; orders' list,
        // read, create, PUT, status and cancel: 6; requests' list, read, create and six steps (accept, done,
        // decline, ask, reply, rate): 9
        assertThat(operations).isEqualTo(36);
    }

    @Test
    void swaggerUiIsServedFromTheDocumentedPath() throws Exception {
        HttpResponse<String> ui = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                .send(HttpRequest.newBuilder(uri("/api/docs")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).containsIgnoringCase("swagger");
    }

    @Test
    void aScriptReadsAndWritesWithItsTokenUntilItIsRevoked() throws Exception {
        IssuedToken issued = tokens.create("script", ApiScope.READ_WRITE, sales.asActor());
        HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/v1/companies"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Menuiserie HTTP\",\"city\":\"Brest\"}"))
                .header("Content-Type", "application/json"), issued.secret());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"0\"");
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/api/v1/companies/");

        HttpResponse<String> read = send(HttpRequest.newBuilder(uri(location)).GET(), issued.secret());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"name\":\"Menuiserie HTTP\"");
        HttpResponse<String> stale = send(HttpRequest.newBuilder(uri(location))
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"city\":\"Quimper\"}"))
                .header("Content-Type", "application/json").header("If-Match", "\"7\""), issued.secret());
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        // no session is created for a token call
        assertThat(read.headers().allValues("Set-Cookie")).isEmpty();

        tokens.revoke(issued.token().id(), sales.asActor());
        assertThat(send(HttpRequest.newBuilder(uri(location)).GET(), issued.secret()).statusCode()).isEqualTo(401);
    }

    @Test
    void callsMadeAtTheSameTimeWithOneTokenAllPass() throws Exception {
        String secret = tokens.create("parallel", ApiScope.READ, sales.asActor()).secret();
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            calls.add(http.sendAsync(HttpRequest.newBuilder(uri("/api/v1/companies?limit=1"))
                    .header("Authorization", "Bearer " + secret).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (var call : calls) {
            HttpResponse<String> answer = call.get();
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }
        assertThat(tokens.mine(sales.asActor()).getFirst().lastUsedAt()).isNotNull();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Set<String> sorted(Set<String> values) {
        return new TreeSet<>(values);
    }
}
