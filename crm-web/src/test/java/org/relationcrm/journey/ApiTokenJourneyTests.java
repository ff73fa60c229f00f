package org.relationcrm.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.relationcrm.shared.Department;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * A sales rep connects a spreadsheet to Relation in a real headless Chromium: from the account menu to "API tokens",
 * a read-only token created and shown once, used over HTTP, listed with its last use, then revoked: the next call
 * is refused. axe finds no serious problem on the page.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTokenJourneyTests {

    private static final String PASSWORD = "a-long-password";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;

    Playwright playwright;
    Browser browser;
    final List<String> problems = new ArrayList<>();

    @BeforeAll
    void startBrowser() throws IOException {
        Files.createDirectories(HeadlessChromium.SCREENSHOTS);
        playwright = HeadlessChromium.playwright();
        browser = HeadlessChromium.launch(playwright);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void aSalesRepCreatesAReadOnlyTokenUsesItThenRevokesIt() throws Exception {
        User rep = users.create(TestData.unique("sales"), PASSWORD, "Sophie Martin", Role.SALES, Department.SALES);
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale("fr-FR").setTimezoneId("Europe/Paris").setViewportSize(1280, 800));
        context.setDefaultTimeout(10_000);
        Page page = context.newPage();
        HeadlessChromium.watch(page, base(), problems);
        page.navigate(base() + "/login");
        page.getByLabel("Identifiant").fill(rep.username());
        page.getByLabel("Mot de passe").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
        assertThat(page).hasURL(Pattern.compile(":" + port + "/$"));

        page.locator("#current-user").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Jetons d'API")).click();
        assertThat(page).hasURL(Pattern.compile("/profile/tokens$"));
        page.getByLabel("Nom (l'outil qui l'utilise)").fill("Tableur des ventes");
        page.getByLabel("Droits").selectOption("READ");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer un jeton")).click();

        String secret = page.locator("#token-secret").innerText().strip();
        assertThat(secret).startsWith("rel_");
        Axe.assertNoSeriousProblems(page, "token created");
        HeadlessChromium.screenshot(page, "api-01-token-created-1280.png");

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> companies = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/companies"))
                .header("Authorization", "Bearer " + secret).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(companies.statusCode()).isEqualTo(200);

        page.navigate(base() + "/profile/tokens");
        assertThat(page.locator("#tokens")).containsText("Tableur des ventes");
        assertThat(page.locator("#tokens")).containsText("Lecture seule");
        assertThat(page.locator("#tokens")).not().containsText("jamais"); // it was used
        assertThat(page.locator("main")).not().containsText(secret);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Révoquer le jeton « Tableur des ventes »"))
                .click();
        assertThat(page.locator("main")).containsText("Jeton révoqué");
        assertThat(page.locator("#tokens")).containsText("révoqué le");
        Axe.assertNoSeriousProblems(page, "token revoked");
        HeadlessChromium.screenshot(page, "api-02-token-revoked-1280.png");

        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/companies"))
                .header("Authorization", "Bearer " + secret).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(problems).as("asset errors, console errors or CSP violations").isEmpty();
        context.close();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
