package org.relationcrm.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.relationcrm.pipeline.NextStepPlan;
import org.relationcrm.pipeline.Opportunity;
import org.relationcrm.pipeline.OpportunityDetails;
import org.relationcrm.pipeline.OpportunityService;
import org.relationcrm.pipeline.OpportunitySource;
import org.relationcrm.pipeline.Stage;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * The journey in a real headless Chromium: a sales rep prepares a meeting, records a 15 % discount with
 * no counterpart and cannot mark the deal won; the manager approves it; the rep marks it won; the win is on the
 * client's timeline. Also: the board's drag and drop asks for the next step, and the dashboard draws its charts
 * under the strict Content-Security-Policy. Screenshots land in target/screenshots.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineJourneyTests {

    private static final String PASSWORD = "a-long-password";
    private static final Path SCREENSHOTS = HeadlessChromium.SCREENSHOTS;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    ClientService clients;
    @Autowired
    OpportunityService opportunities;

    Playwright playwright;
    Browser browser;
    User sales;
    User manager;

    final List<String> problems = new ArrayList<>();
    final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeAll
    void startBrowser() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        playwright = HeadlessChromium.playwright();
        browser = HeadlessChromium.launch(playwright);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        sales = users.create(TestData.unique("sales"), PASSWORD, "Sophie Martin " + tag, Role.SALES, Department.SALES);
        manager = users.create(TestData.unique("manager"), PASSWORD, "Julien Moreau " + tag, Role.MANAGER,
                Department.MANAGEMENT);
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
    void aDiscountWithoutCounterpartWaitsForTheManagerThenTheWinIsOnTheTimeline() {
        String companyName = "Menuiserie " + UUID.randomUUID().toString().substring(0, 8);
        Company company = clients.createCompany(TestData.company(companyName, sales.id()), sales.asActor());
        Contact buyer = clients.addContact(company.id(), TestData.person("Hélène", "Garnier", "helene@menuiserie.fr"));
        Opportunity deal = opportunities.open(company.id(), Stage.NEGOTIATION,
                new OpportunityDetails("Renouvellement du parc machines", new BigDecimal("40000"), "EUR", null,
                        LocalDate.now(PARIS).plusMonths(1), sales.id(), OpportunitySource.REFERRAL, Set.of(buyer.id()),
                        Set.of()),
                new NextStepPlan("Rendez-vous de négociation", LocalDate.now(PARIS)), sales.asActor());

        // The rep signs in on "My day": today's next step on the deal is there.
        Page rep = signIn(sales);
        assertThat(rep.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Ma journée"))).isVisible();
        assertThat(rep.locator("#due-today")).containsText("Rendez-vous de négociation");
        screenshot(rep, "pipeline-01-my-day.png");

        // ... prepares the meeting from the deal: the client context is filled in by itself.
        rep.navigate(base() + "/opportunities/" + deal.id());
        rep.locator("#prepare-meeting").click();
        rep.getByLabel("Objectifs").fill("Obtenir la signature avant la fin du mois");
        rep.getByLabel("Questions à poser").fill("Qui signe ? Le budget est-il voté ?");
        rep.getByLabel("Objections attendues").fill("Prix jugé élevé par rapport au concurrent");
        rep.locator("#save-meeting").click();
        assertThat(rep.locator("#meeting-title")).hasText("Renouvellement du parc machines");
        assertThat(rep.locator("#client-context")).containsText("Hélène Garnier");
        assertThat(rep.locator("#client-context")).containsText("Renouvellement du parc machines");
        screenshot(rep, "pipeline-02-meeting-prep.png");

        // ... records a 15 % discount obtained for nothing.
        rep.navigate(base() + "/opportunities/" + deal.id());
        rep.locator("#type").selectOption("DISCOUNT");
        rep.locator("#value").fill("15");
        rep.locator("#valueKind").selectOption("PERCENT");
        rep.locator("#counterpart").selectOption("NONE");
        rep.locator("#save-concession").click();
        assertThat(rep.locator(".alert-success[role=status]")).containsText("attend l'accord d'un manager");
        assertThat(rep.locator("#concessions .no-counterpart")).hasText("Sans contrepartie");
        assertThat(rep.locator("#conceded-total")).containsText("(15 %)");
        assertThat(rep.locator("#pending-approval")).isVisible();
        screenshot(rep, "pipeline-03-discount-pending.png");

        // ... and cannot mark the deal won.
        rep.locator("#mark-won").click();
        rep.locator("#save-stage").click();
        assertThat(rep.locator(".alert-danger")).containsText("impossible de marquer l'opportunité gagnée");
        screenshot(rep, "pipeline-04-won-refused.png");
        assertThat(opportunities.get(deal.id()).stage()).isEqualTo(Stage.NEGOTIATION);

        // The manager approves it from the queue.
        Page boss = signIn(manager);
        boss.locator("summary", new Page.LocatorOptions().setHasText("Ventes")).click(); // the menu of the top bar
        boss.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Concessions à approuver")).click();
        var row = boss.locator("#pending-concessions tr", new Page.LocatorOptions().setHasText(companyName));
        assertThat(row).containsText("15 %");
        screenshot(boss, "pipeline-05-approval-queue.png");
        row.locator("button.approve").click();
        assertThat(boss.locator(".alert-success[role=status]")).hasText("Concession approuvée.");
        assertThat(boss.locator("#pending-concessions tr", new Page.LocatorOptions().setHasText(companyName))).hasCount(0);

        // The rep marks the deal won.
        rep.navigate(base() + "/opportunities/" + deal.id());
        assertThat(rep.locator("#pending-approval")).hasCount(0);
        rep.locator("#mark-won").click();
        rep.locator("#save-stage").click();
        assertThat(rep.locator(".alert-success[role=status]")).hasText("Opportunité gagnée. Bravo !");
        assertThat(rep.locator("#opportunity-stage")).hasText("Gagnée");

        // The win is on the client's timeline, linked to the deal.
        rep.navigate(base() + "/clients/" + company.id());
        // (the care plan's check-ins, planned at the same instant, come with it)
        var newest = rep.locator("#timeline .timeline-entry")
                .filter(new Locator.FilterOptions().setHasText("Opportunité gagnée")).first();
        assertThat(newest.locator(".badge.event")).hasText("Opportunité gagnée");
        assertThat(rep.locator("#timeline .timeline-entry").first()).containsText("Suivi après signature");
        assertThat(newest.locator(".subject a")).hasAttribute("href", "/opportunities/" + deal.id());
        assertThat(rep.locator("#opportunities-closed")).containsText("1 gagnée (");
        assertThat(rep.locator("#opportunities-closed")).containsText("aucune perdue");
        screenshot(rep, "pipeline-06-win-on-timeline.png");
        // The same card in English: the plurals are the language's own.
        rep.navigate(base() + "/clients/" + company.id() + "?lang=en");
        assertThat(rep.locator("#opportunities-closed")).containsText("1 won (");
        assertThat(rep.locator("#opportunities-closed")).containsText("0 lost");
        screenshot(rep, "pipeline-06-win-on-timeline-en.png");
        rep.navigate(base() + "/clients/" + company.id() + "?lang=fr");

        assertThat(problems).as("asset errors, console errors or CSP violations").isEmpty();
    }

    @Test
    void draggingACardToAnotherColumnAsksForTheNextStep() {
        Company company = clients.createCompany(TestData.company(TestData.unique("Board"), sales.id()), sales.asActor());
        Opportunity deal = opportunities.open(company.id(), Stage.PROSPECTING,
                new OpportunityDetails("Audit sécurité " + UUID.randomUUID().toString().substring(0, 6),
                        new BigDecimal("12000"), "EUR", null, LocalDate.now(PARIS).plusMonths(2), sales.id(), null,
                        Set.of(), Set.of()),
                new NextStepPlan("Qualifier le besoin", LocalDate.now(PARIS).plusDays(2)), sales.asActor());
        Page rep = signIn(sales);
        rep.navigate(base() + "/pipeline");
        assertThat(rep.locator("#card-" + deal.id())).isVisible();
        screenshot(rep, "pipeline-07-board.png");
        rep.locator("#card-" + deal.id()).dragTo(rep.locator("#column-QUALIFIED"));
        assertThat(rep).hasURL(Pattern.compile("/opportunities/" + deal.id() + "/stage\\?to=QUALIFIED"));
        assertThat(rep.locator("input[name=stage][value=QUALIFIED]")).isChecked();
        rep.getByLabel("Quoi").fill("Envoyer la proposition");
        rep.locator("#save-stage").click();
        assertThat(rep).hasURL(Pattern.compile("/pipeline$"));
        assertThat(rep.locator("#column-QUALIFIED #card-" + deal.id())).isVisible();
        assertThat(problems).as("asset errors, console errors or CSP violations").isEmpty();
    }

    @Test
    void theManagersDashboardDrawsItsCharts() {
        Page boss = signIn(manager);
        boss.navigate(base() + "/pipeline/dashboard");
        assertThat(boss.locator("#win-rate")).isVisible();
        // Chart.js, served by the application, drew on the canvas (it sets its size on the element)
        assertThat(boss.locator("#forecast-chart")).hasAttribute("style", Pattern.compile("width"));
        screenshot(boss, "pipeline-08-dashboard.png");
        assertThat(problems).as("asset errors, console errors or CSP violations").isEmpty();
    }

    private Page signIn(User user) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale("fr-FR").setTimezoneId("Europe/Paris").setViewportSize(1280, 900));
        context.setDefaultTimeout(10_000);
        contexts.add(context);
        Page page = context.newPage();
        watch(page);
        page.navigate(base() + "/login");
        page.getByLabel("Identifiant").fill(user.username());
        page.getByLabel("Mot de passe").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
        assertThat(page).hasURL(Pattern.compile(":" + port + "/$"));
        assertThat(page.locator("#current-user")).hasText(user.fullName());
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
