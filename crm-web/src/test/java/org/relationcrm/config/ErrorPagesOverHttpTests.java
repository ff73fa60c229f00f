package org.relationcrm.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Error pages as a browser gets them from the real Tomcat: what MockMvc cannot show (Tomcat's own limits, the
 * error dispatch to /error) is checked here.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
class ErrorPagesOverHttpTests {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String pathAndQuery, String accept) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("Accept", accept).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void openingErrorDirectlyShowsTheNotFoundPageInTheLayoutNotJson() throws Exception {
        for (String accept : new String[] {"*/*", "application/json", "text/html"}) {
            HttpResponse<String> response = get("/error", accept);
            assertThat(response.statusCode()).as(accept).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
            assertThat(response.body()).as(accept).contains("Introuvable").contains("navbar")
                    .doesNotContain("999");
        }
    }

    @Test
    void aTenThousandCharacterSearchShowsTheApplicationsBadRequestPage() throws Exception {
        HttpResponse<String> response = get("/clients?q=" + "x".repeat(10_000), "text/html");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Demande invalide")
                .contains("Un texte de recherche ne peut pas dépasser 1\u202f000 caractères.")
                .contains("navbar").doesNotContain("Apache Tomcat");
    }

    @Test
    void theBadRequestPageSpeaksEnglishToo() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/clients?q=" + "x".repeat(10_000)))
                .header("Cookie", "relation-lang=en").GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Invalid request")
                .contains("A search text cannot be longer than 1,000 characters.");
    }
}
