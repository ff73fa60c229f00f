package org.relationcrm.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * In a real headless Chromium: a manager edits a company's city, opens "Historique des modifications" at the bottom
 * of the company's page and sees the change (field, old and new value, who); the administrator finds the manager's
 * sign-in in the audit log. axe finds no serious problem.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryJourneyTests {

    private static final String PASSWORD = "a-long-password";

    @LocalServerPort int port;
    @Autowired UserService users;
    @Autowired ClientService clients;

    Playwright playwright;
    Browser browser;
    final List<String> problems = new ArrayList<>();
    final List<BrowserContext> contexts = new ArrayList<>();

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

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    @Test
    void aManagerEditsACompanyThenSeesTheChangeInItsHistoryAndTheAdministratorSeesTheSignIn() {
        problems.clear();
        User manager = users.create(TestData.unique("manager"), PASSWORD, "Marc Lefèvre", Role.MANAGER,
                Department.MANAGEMENT);
        User admin = users.create(TestData.unique("admin"), PASSWORD, "Admin Relation", Role.ADMIN, Department.SALES);
        Company company = clients.createCompany(TestData.company(TestData.unique("Tissages"), manager.id()),
                manager.asActor());

        Page page = signIn(manager);
        page.navigate(base() + "/clients/" + company.id() + "/edit");
        page.getByLabel("Ville").fill("Roubaix");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(page).hasURL(Pattern.compile("/clients/" + company.id() + "$"));

        Locator history = page.locator("#history-company");
        history.locator("summary").click();
        Locator change = history.locator(".change").first();
        assertThat(change).containsText("Modification");
        assertThat(change).containsText("Marc Lefèvre");
        assertThat(change.locator(".field-change")).containsText("Ville");
        assertThat(change.locator(".old-value")).hasText("Lyon");
        assertThat(change.locator(".new-value")).hasText("Roubaix");
        Axe.assertNoSeriousProblems(page, "company with its history open");
        history.scrollIntoViewIfNeeded();
        HeadlessChromium.screenshot(page, "history-01-company-history-1280.png");

        Page adminPage = signIn(admin);
        adminPage.navigate(base() + "/admin/audit");
        adminPage.getByLabel("Action").selectOption("LOGIN");
        adminPage.getByLabel("Utilisateur (identifiant)").fill(manager.username());
        adminPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filtrer")).click();
        assertThat(adminPage.locator("#audit-log .audit-entry")).hasCount(1);
        assertThat(adminPage.locator("#audit-log")).containsText("Connexion");
        Axe.assertNoSeriousProblems(adminPage, "audit log");
        HeadlessChromium.screenshot(adminPage, "history-02-audit-log-1280.png");
        assertThat(problems).as("asset errors, console errors or CSP violations").isEmpty();
    }

    private Page signIn(User user) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale("fr-FR").setTimezoneId("Europe/Paris").setViewportSize(1280, 800));
        context.setDefaultTimeout(10_000);
        contexts.add(context);
        Page page = context.newPage();
        HeadlessChromium.watch(page, base(), problems);
        page.navigate(base() + "/login");
        page.getByLabel("Identifiant").fill(user.username());
        page.getByLabel("Mot de passe").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
        assertThat(page).hasURL(Pattern.compile(":" + port + "/$"));
        return page;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
