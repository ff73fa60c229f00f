package org.relationcrm.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.Contact;
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.LogInteraction;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * A person's GDPR request (issue 15), in headless Chromium with axe at each step: a manager opens the person's
 * privacy page from their record, reads the consent history, downloads the export, opens the printable page,
 * anonymises the person after confirming, and sees them anonymised on the company's page, the exchange kept without
 * their name.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivacyJourneyTests {

    private static final String PASSWORD = "a-long-password";

    @Autowired java.time.Clock clock;
    @LocalServerPort int port;
    @Autowired UserService users;
    @Autowired ClientService clients;
    @Autowired InteractionService interactions;

    Playwright playwright;
    Browser browser;
    User sales;
    User manager;
    Company company;
    Contact person;
    String tag;
    final List<String> problems = new ArrayList<>();

    @BeforeAll
    void setUp() throws IOException {
        Files.createDirectories(HeadlessChromium.SCREENSHOTS);
        playwright = HeadlessChromium.playwright();
        browser = HeadlessChromium.launch(playwright);
        tag = TestData.unique("pv").replace("-", "");
        sales = users.create(TestData.unique("sales"), PASSWORD, "Sophie Martin " + tag, Role.SALES, Department.SALES);
        manager = users.create(TestData.unique("manager"), PASSWORD, "Julien Moreau " + tag, Role.MANAGER,
                Department.MANAGEMENT);
        company = clients.createCompany(TestData.company("Menuiserie Garnier " + tag, sales.id()), sales.asActor());
        person = clients.addContact(company.id(), TestData.person("Hélène", "Garnier", "helene." + tag + "@garnier.fr"));
        interactions.log(new LogInteraction(company.id(), Set.of(person.id()), Channel.PHONE, Direction.OUTBOUND,
                clock.instant().minusSeconds(7200), "Devis cuisine", "Hélène Garnier veut un devis pour mars", null,
                null, null, null), sales.asActor());
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void aManagerExportsAPersonsDataThenAnonymisesThemAndTheCompanyKeepsTheExchange() throws IOException {
        Page page = signIn(manager, "fr-FR");
        page.navigate(base() + "/contacts/" + person.id());
        page.locator("#privacy-link").click();
        assertThat(page.locator("#privacy-title")).containsText("Hélène Garnier");
        assertThat(page.locator("#consent-history .consent-entry")).hasCount(2);
        assertThat(page.locator("#consent-history")).containsText("Fiche de la personne");
        HeadlessChromium.screenshot(page, "privacy-01-page-fr-1280.png");
        Axe.assertNoSeriousProblems(page, "a person's privacy page");

        Download download = page.waitForDownload(() -> page.locator("#export-json").click());
        assertThat(download.suggestedFilename()).isEqualTo("person-" + person.id() + ".json");
        String json = Files.readString(download.path());
        assertThat(json).contains("\"firstName\" : \"Hélène\"").contains("helene." + tag + "@garnier.fr")
                .contains("Hélène Garnier veut un devis pour mars");

        page.locator("#export-print").click();
        assertThat(page.locator("#print-title")).containsText("Hélène Garnier");
        assertThat(page.locator("#person-email")).hasText("helene." + tag + "@garnier.fr");
        assertThat(page.locator(".print-interaction")).containsText("Devis cuisine");
        HeadlessChromium.screenshot(page, "privacy-02-print-fr-1280.png");
        Axe.assertNoSeriousProblems(page, "the printable export");
        page.goBack();

        page.locator("#confirm").check();
        page.locator("#anonymise").click();
        assertThat(page.locator(".alert-success")).hasText("La personne a été anonymisée.");
        assertThat(page.locator("#anonymised")).containsText("Cette personne a été anonymisée le");
        assertThat(page.locator("#privacy-title")).containsText("Personne anonymisée");
        HeadlessChromium.screenshot(page, "privacy-03-anonymised-fr-1280.png");
        Axe.assertNoSeriousProblems(page, "an anonymised person's privacy page");

        page.navigate(base() + "/clients/" + company.id());
        assertThat(page.locator("#contact-" + person.id())).containsText("Personne anonymisée");
        assertThat(page.locator("body")).not().containsText("Hélène");
        assertThat(page.locator("body")).containsText("Devis cuisine");
        HeadlessChromium.screenshot(page, "privacy-04-company-fr-1280.png");

        // a link answered by a download ends as a navigation Chromium reports aborted: that one is no failure
        problems.removeIf(p -> p.contains("/privacy/export.json: net::ERR_ABORTED"));
        assertThat(problems).as("asset errors, console errors or CSP violations").isEmpty();
    }

    private Page signIn(User user, String locale) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale(locale).setTimezoneId("Europe/Paris").setViewportSize(1280, 800).setAcceptDownloads(true));
        context.setDefaultTimeout(15_000);
        Page page = context.newPage();
        HeadlessChromium.watch(page, base(), problems);
        page.navigate(base() + "/login");
        page.getByLabel("Identifiant").fill(user.username());
        page.getByLabel("Mot de passe").fill(PASSWORD);
        page.locator("button[type=submit]").click();
        assertThat(page.locator("#current-user")).hasText(user.fullName());
        page.waitForLoadState(); // htmx wires its triggers once the deferred scripts ran
        return page;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
