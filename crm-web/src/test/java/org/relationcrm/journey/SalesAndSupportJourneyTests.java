package org.relationcrm.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
 * A sales rep logs a call on a client's 360° record; a support agent then opens the same client and sees it,
 * in a real headless Chromium over real HTTP. Also checks that the assets load, that the strict
 * Content-Security-Policy is not violated, and that the htmx "Voir plus" loads the older entries.
 * Full-page screenshots land in target/screenshots for a human to look at.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SalesAndSupportJourneyTests {

    private static final String PASSWORD = "a-long-password";
    /** target/screenshots of this module, whatever the working directory (Maven, IDE). */
    private static final Path SCREENSHOTS = HeadlessChromium.SCREENSHOTS;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int OLDER_INTERACTIONS = 30;
    private static final int TIMELINE_PAGE = InteractionService.PAGE_SIZE;

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    ClientService clients;
    @Autowired
    InteractionService interactions;

    Playwright playwright;
    Browser browser;
    User sales;
    User support;

    Company company;
    String companyName;
    String searchTerm;
    Contact contact;

    /** Same-origin responses in error, console errors (CSP violations among them) and page errors, per test. */
    final List<String> problems = new ArrayList<>();
    final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeAll
    void startBrowser() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        playwright = HeadlessChromium.playwright();
        browser = HeadlessChromium.launch(playwright);

        String tag = UUID.randomUUID().toString().substring(0, 8);
        sales = users.create(TestData.unique("sales"), PASSWORD, "Sophie Martin " + tag, Role.SALES, Department.SALES);
        support = users.create(TestData.unique("support"), PASSWORD, "Karim Benali " + tag, Role.SUPPORT,
                Department.SUPPORT);
        createClientWithHistory();
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

    /** A client with more history than one timeline page; the tests only add to it, so they can share it. */
    private void createClientWithHistory() {
        searchTerm = "Dupont-" + UUID.randomUUID().toString().substring(0, 8);
        companyName = "Fromagerie " + searchTerm;
        company = clients.createCompany(TestData.company(companyName, sales.id()), sales.asActor());
        contact = clients.addContact(company.id(), TestData.person("Anne", "Dupont", "anne@" + searchTerm + ".fr"));
        Instant now = Instant.now();
        for (int i = 1; i <= OLDER_INTERACTIONS; i++) {
            User author = i % 3 == 0 ? support : sales;
            Channel channel = i % 3 == 0 ? Channel.EMAIL : (i % 2 == 0 ? Channel.MEETING : Channel.PHONE);
            interactions.log(new LogInteraction(company.id(), i % 2 == 0 ? Set.of(contact.id()) : Set.of(), channel,
                    i % 3 == 0 ? Direction.INBOUND : Direction.OUTBOUND, now.minus(Duration.ofDays(i)),
                    "Échange n° " + i, "Point sur la commande de comté et de reblochon.", null, null, null, null),
                    author.asActor());
        }
    }

    @BeforeEach
    void forgetProblems() {
        problems.clear();
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    @Test
    void salesRepLogsACallThatSupportThenSeesOnTheSameClient() {
        String subject = "Appel de suivi " + UUID.randomUUID().toString().substring(0, 8);
        String nextStep = "Envoyer le devis révisé";
        LocalDate due = LocalDate.now(PARIS).plusDays(4);

        // The sales rep signs in, finds the client and logs the call.
        Page salesPage = signIn(sales, "01-login.png");
        salesPage.locator("#q").fill(searchTerm);
        salesPage.locator("#q").press("Enter");
        assertThat(salesPage.locator("#clients-table tbody tr")).hasCount(1);
        Locator companyLink = salesPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(companyName));
        assertThat(companyLink).isVisible();
        assertThat(salesPage.locator("#clients-table")).containsText("Anne Dupont");
        screenshot(salesPage, "02-clients-search.png");
        companyLink.click();

        assertThat(salesPage.locator("#company-name")).hasText(companyName);
        assertThat(salesPage.locator("#timeline .timeline-entry")).hasCount(TIMELINE_PAGE);
        salesPage.locator("#log-interaction").click();

        assertThat(salesPage.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Consigner une interaction")))
                .isVisible();
        assertThat(salesPage.locator("#channel")).hasValue("PHONE");
        salesPage.locator("#channel").selectOption("PHONE");
        salesPage.getByLabel("Anne Dupont").check();
        salesPage.getByLabel("Objet").fill(subject);
        salesPage.getByLabel("Ce qui a été dit").fill("Mme Dupont trouve le devis trop élevé sur le reblochon.\n"
                + "Elle attend une nouvelle proposition avant vendredi.");
        salesPage.getByLabel("Action à faire").fill(nextStep);
        salesPage.getByLabel("Échéance", new Page.GetByLabelOptions().setExact(true)).fill(due.toString());
        salesPage.locator("#save-interaction").click();

        assertThat(salesPage).hasURL(Pattern.compile("/clients/" + company.id() + "$"));
        assertThat(salesPage.locator(".alert-success[role=status]")).hasText("Interaction consignée.");
        Locator newest = salesPage.locator("#timeline .timeline-entry").first();
        assertThat(newest.locator(".subject")).hasText(subject);
        assertThat(newest.locator(".badge.channel")).hasText("Téléphone");
        assertThat(newest.locator(".next-step")).containsText(nextStep);
        assertThat(newest.locator(".author")).hasText(sales.fullName());
        assertThat(newest).containsText("Anne Dupont");
        screenshot(salesPage, "03-record-after-logging.png");

        // Support, in a browser of their own, opens the same client and sees the call.
        Page supportPage = signIn(support, null);
        supportPage.locator("#q").fill(searchTerm);
        supportPage.locator("#q").press("Enter");
        supportPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(companyName)).click();
        assertThat(supportPage.locator("#company-name")).hasText(companyName);
        assertThat(supportPage.locator("#current-user")).hasText(support.fullName());
        Locator seen = supportPage.locator("#timeline .timeline-entry").first();
        assertThat(seen.locator(".subject")).hasText(subject);
        assertThat(seen.locator(".author")).hasText(sales.fullName());
        assertThat(seen.locator(".badge.dept")).hasText("Ventes");
        assertThat(seen.locator(".badge.channel")).hasText("Téléphone");
        assertThat(seen.locator(".next-step")).containsText(nextStep);
        screenshot(supportPage, "05-record-seen-by-support.png");

        // "Voir plus" brings the older entries in place (htmx), without leaving the page.
        String url = supportPage.url();
        Locator entries = supportPage.locator("#timeline .timeline-entry");
        assertThat(entries).hasCount(TIMELINE_PAGE);
        supportPage.locator("#load-more").click();
        assertThat(entries).hasCount(OLDER_INTERACTIONS + 1);
        assertThat(supportPage.locator("#load-more")).hasCount(0);
        assertThat(supportPage.locator("#timeline")).containsText("Début de l'historique.");
        assertThat(entries.last().locator(".subject")).hasText("Échange n° " + OLDER_INTERACTIONS);
        assertThat(supportPage).hasURL(url);
        screenshot(supportPage, "06-record-seen-by-support-all-entries.png");

        // Support marks the step done from the timeline: the entry's button posts the page's form (the entry's HTML
        // is shared by every reader, the form holds this reader's CSRF token), and the entry says who did it.
        supportPage.locator("#timeline .timeline-entry").first()
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Marquer comme fait")).click();
        assertThat(supportPage).hasURL(Pattern.compile("/clients/" + company.id() + "$"));
        Locator done = supportPage.locator("#timeline .timeline-entry").first();
        assertThat(done.locator(".next-step")).containsText("Fait par " + support.fullName());
        assertThat(done.getByRole(AriaRole.BUTTON)).hasCount(0);

        assertThat(problems).as("asset errors, console errors or CSP violations").isEmpty();
    }

    @Test
    void invalidInteractionShowsErrorsNextToFieldsAndLosesNothing() {
        String subject = "Relance impayé " + UUID.randomUUID().toString().substring(0, 8);
        Page page = signIn(sales, null);
        page.navigate(base() + "/clients/" + company.id());
        page.locator("#log-interaction").click();

        String summary = "Facture F-2026-118 toujours impayée.\nLa comptable est en congé jusqu'à lundi.";
        page.locator("#channel").selectOption("EMAIL");
        page.locator("#direction").selectOption("INBOUND");
        page.getByLabel("Anne Dupont").check();
        page.getByLabel("Objet").fill(subject);
        page.getByLabel("Ce qui a été dit").fill(summary);
        page.getByLabel("Négatif").check();
        page.getByLabel("Action à faire").fill("Rappeler la comptabilité");
        page.locator("#save-interaction").click();

        Locator due = page.getByLabel("Échéance", new Page.GetByLabelOptions().setExact(true));
        assertThat(page).hasURL(Pattern.compile("/clients/" + company.id() + "/interactions$"));
        assertThat(page.locator("#interaction-form")).isVisible();
        assertThat(due).hasClass(Pattern.compile("\\bis-invalid\\b"));
        Locator dueError = page.locator("#nextStepDue + .invalid-feedback");
        assertThat(dueError).isVisible();
        assertThat(dueError).hasText("Indiquez l'échéance de la prochaine étape.");
        assertThat(page.locator(".invalid-feedback")).hasCount(1);
        // nothing typed is lost
        assertThat(page.getByLabel("Objet")).hasValue(subject);
        assertThat(page.getByLabel("Ce qui a été dit")).hasValue(summary);
        assertThat(page.getByLabel("Action à faire")).hasValue("Rappeler la comptabilité");
        assertThat(page.locator("#channel")).hasValue("EMAIL");
        assertThat(page.locator("#direction")).hasValue("INBOUND");
        assertThat(page.getByLabel("Anne Dupont")).isChecked();
        assertThat(page.getByLabel("Négatif")).isChecked();
        assertThat(page.locator(".alert-success")).hasCount(0);
        screenshot(page, "04-form-with-errors.png");

        assertThat(problems).as("asset errors, console errors or CSP violations").isEmpty();
    }

    /** A new browser context (its own cookies) for the user, signed in through the login form. */
    private Page signIn(User user, String screenshot) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale("fr-FR").setTimezoneId("Europe/Paris").setViewportSize(1280, 900));
        context.setDefaultTimeout(10_000);
        contexts.add(context);
        Page page = context.newPage();
        watch(page);
        page.navigate(base() + "/login");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Connexion"))).isVisible();
        // Bootstrap and relation.css were applied, not just requested
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")))
                .hasCSS("background-color", "rgb(13, 110, 253)");
        assertThat(page.locator("nav.navbar")).hasCSS("background-color", "rgb(31, 59, 87)");
        if (screenshot != null) {
            screenshot(page, screenshot);
        }
        page.getByLabel("Identifiant").fill(user.username());
        page.getByLabel("Mot de passe").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
        // "My day" is the home page; this journey starts from the clients list
        assertThat(page).hasURL(Pattern.compile(":" + port + "/$"));
        page.navigate(base() + "/clients");
        assertThat(page.locator("#current-user")).hasText(user.fullName());
        page.waitForLoadState(); // htmx wires its triggers once the deferred scripts ran
        return page;
    }

    private void watch(Page page) {
        HeadlessChromium.watch(page, base(), problems);
    }


    private static void screenshot(Page page, String name) {
        HeadlessChromium.screenshot(page, name);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
