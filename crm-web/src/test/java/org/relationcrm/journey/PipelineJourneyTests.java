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
import org.springframework.jdbc.core.simple.JdbcClient;

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
 * client's timeline. Also: the board's drag and drop moves deals at once (asking only what a stage needs), and
 * the dashboard draws its charts
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
    @Autowired
    JdbcClient jdbc;

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

        // ... and cannot mark the deal won: the button says why instead of ending in an error.
        assertThat(rep.locator("#mark-won")).isDisabled();
        assertThat(rep.locator("#mark-won")).hasAttribute("aria-describedby", "won-blocked");
        assertThat(rep.locator("#won-blocked")).hasText(
                "Impossible de marquer gagnée tant qu'une remise attend l'accord d'un manager.");
        assertThat(rep.locator("#stage-path li[aria-current=step]")).containsText("Négociation");
        screenshot(rep, "pipeline-04-won-blocked.png");
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
        // the stage form comes with WON chosen and the current next step already there
        assertThat(rep.locator("#nextStepAction")).hasValue("Rendez-vous de négociation");
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
    void aRepDragsDealsAcrossTheBoardAndIsAskedOnlyWhatTheNewStageNeeds() {
        User rep = users.create(TestData.unique("board"), PASSWORD, "Nadia Haddad " + UUID.randomUUID().toString()
                .substring(0, 4), Role.SALES, Department.SALES);
        Company company = clients.createCompany(TestData.company("Atelier " + UUID.randomUUID().toString()
                .substring(0, 6), rep.id()), rep.asActor());
        LocalDate today = LocalDate.now(PARIS);
        Opportunity audit = openDeal(company, rep, Stage.PROSPECTING, "Audit sécurité", "12000",
                new NextStepPlan("Qualifier le besoin", today.plusDays(2)));
        Opportunity late = openDeal(company, rep, Stage.PROPOSAL, "Mission de conseil 2026", "30000",
                new NextStepPlan("Relancer la directrice", today.plusDays(1)));
        jdbc.sql("update opportunity set next_step_due = :due where id = :id")
                .param("due", today.minusDays(4)).param("id", late.id()).update();
        Opportunity lost = openDeal(company, rep, Stage.NEGOTIATION, "Renouvellement du parc", "8000",
                new NextStepPlan("Négocier la remise", today.plusDays(3)));
        for (int i = 1; i <= 22; i++) {
            openDeal(company, rep, Stage.QUALIFIED, "Maintenance " + i, "1000",
                    new NextStepPlan("Appeler", today.plusDays(5)));
        }

        Page page = signIn(rep, 1280, 800);
        page.navigate(base() + "/pipeline");
        Locator qualified = page.locator("#column-QUALIFIED");
        assertThat(qualified.locator(".board-count")).hasText("22 opportunités");
        assertThat(qualified.locator(".board-card")).hasCount(20);
        // the client's name first on every card
        assertThat(page.locator("#card-" + late.id() + " > a").first()).hasText(company.name());
        screenshot(page, "board-01-1280.png");

        // every deal is reachable: the column pages on in place
        qualified.locator(".board-more").click();
        assertThat(qualified.locator(".board-card")).hasCount(22);
        assertThat(qualified.locator(".board-more")).hasCount(0);

        // a drop moves the deal at once, keeping its next step: no form, no page change
        page.locator("#card-" + audit.id()).dragTo(qualified);
        assertThat(qualified.locator("#card-" + audit.id())).isVisible();
        assertThat(page.locator("#board-message")).containsText("maintenant en « Qualifiée »");
        assertThat(qualified.locator(".board-count")).hasText("23 opportunités");
        assertThat(page.locator("#column-PROSPECTING .board-count")).hasText("aucune opportunité");
        assertThat(page).hasURL(Pattern.compile("/pipeline$"));
        assertThat(opportunities.get(audit.id()).stage()).isEqualTo(Stage.QUALIFIED);
        assertThat(opportunities.get(audit.id()).nextStep()).isEqualTo("Qualifier le besoin");

        // an overdue next step is asked again, pre-filled
        page.locator("#card-" + late.id()).dragTo(page.locator("#column-NEGOTIATION"));
        Locator dialog = page.locator("#move-dialog");
        assertThat(dialog).isVisible();
        assertThat(dialog.locator("#nextStepAction")).hasValue("Relancer la directrice");
        assertThat(dialog).containsText("était prévue le");
        screenshot(page, "board-02-next-step-asked-1280.png");
        dialog.locator("#nextStepDue").fill(today.plusDays(2).toString());
        dialog.locator("#confirm-move").click();
        assertThat(dialog).isHidden();
        assertThat(page.locator("#column-NEGOTIATION #card-" + late.id())).isVisible();
        assertThat(opportunities.get(late.id()).nextStepDue()).isEqualTo(today.plusDays(2));

        // lost: the reason is asked; cancelling puts the card back
        page.locator("#card-" + lost.id()).dragTo(page.locator("#column-LOST"));
        assertThat(dialog.locator("#lostReason")).isVisible();
        dialog.locator("[data-dialog=cancel]").click();
        assertThat(page.locator("#column-NEGOTIATION #card-" + lost.id())).isVisible();
        assertThat(opportunities.get(lost.id()).stage()).isEqualTo(Stage.NEGOTIATION);
        page.locator("#card-" + lost.id()).dragTo(page.locator("#column-LOST"));
        dialog.locator("#lostReason").selectOption("COMPETITOR");
        dialog.locator("#lostComment").fill("Le concurrent livre en deux semaines");
        dialog.locator("#confirm-move").click();
        assertThat(page.locator("#head-LOST .board-count")).hasText("1 opportunité");
        page.locator("#head-LOST").click();   // the folded column opens
        assertThat(page.locator("#column-LOST #card-" + lost.id())).isVisible();
        assertThat(opportunities.get(lost.id()).stage()).isEqualTo(Stage.LOST);
        screenshot(page, "board-03-lost-unfolded-1280.png");

        // someone else changed the deal meanwhile: the drop is refused with the reason, the card shows where it is
        Opportunity now = opportunities.get(audit.id());
        opportunities.moveTo(audit.id(), now.version(), Stage.PROPOSAL, new NextStepPlan("Envoyer le devis",
                today.plusDays(3)), null, null, rep.asActor());
        page.locator("#card-" + audit.id()).dragTo(page.locator("#column-NEGOTIATION"));
        assertThat(page.locator("#board-message")).containsText("modifiée entre-temps");
        assertThat(page.locator("#board-message")).containsText("étape actuelle : Proposition");
        assertThat(page.locator("#column-PROPOSAL #card-" + audit.id())).isVisible();
        assertThat(opportunities.get(audit.id()).stage()).isEqualTo(Stage.PROPOSAL);
        screenshot(page, "board-04-stale-drop-1280.png");

        // the deal page: where it stands, at a glance
        page.navigate(base() + "/opportunities/" + late.id());
        assertThat(page.locator("#stage-path li[aria-current=step]")).containsText("Négociation");
        screenshot(page, "board-05-deal-1280.png");

        // on a phone: the columns side by side, each scrolling on its own
        Page phone = signIn(rep, 390, 844);
        phone.navigate(base() + "/pipeline");
        assertThat(phone.locator("#column-QUALIFIED .board-card").first()).isVisible();
        phone.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("board-06-390.png")));
        phone.navigate(base() + "/opportunities/" + late.id());
        screenshot(phone, "board-07-deal-390.png");

        // the expected refusals of this journey (a stale version, a dialog) are not problems
        problems.removeIf(p -> p.matches("(409|422) POST .*/move") || p.contains("status of 409")
                || p.contains("status of 422"));
        assertThat(problems).as("asset errors, console errors or CSP violations").isEmpty();
    }

    private Opportunity openDeal(Company company, User owner, Stage stage, String title, String amount,
                                 NextStepPlan next) {
        return opportunities.open(company.id(), stage, new OpportunityDetails(title, new BigDecimal(amount), "EUR",
                null, LocalDate.now(PARIS).plusMonths(2), owner.id(), null, Set.of(), Set.of()), next,
                owner.asActor());
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
        return signIn(user, 1280, 900);
    }

    private Page signIn(User user, int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale("fr-FR").setTimezoneId("Europe/Paris").setViewportSize(width, height));
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
