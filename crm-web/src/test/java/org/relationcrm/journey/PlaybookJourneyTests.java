package org.relationcrm.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
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
import org.relationcrm.feedback.Complaint;
import org.relationcrm.feedback.ComplaintCategory;
import org.relationcrm.feedback.ComplaintService;
import org.relationcrm.feedback.NewComplaint;
import org.relationcrm.feedback.Severity;
import org.relationcrm.pipeline.ConcessionType;
import org.relationcrm.pipeline.Counterpart;
import org.relationcrm.pipeline.NextStepPlan;
import org.relationcrm.pipeline.Opportunity;
import org.relationcrm.pipeline.OpportunityDetails;
import org.relationcrm.pipeline.OpportunityService;
import org.relationcrm.pipeline.OpportunitySource;
import org.relationcrm.pipeline.Stage;
import org.relationcrm.pipeline.ValueKind;
import org.relationcrm.playbook.Language;
import org.relationcrm.playbook.Playbook;
import org.relationcrm.playbook.PlaybookReadService;
import org.relationcrm.playbook.PlaybookService;
import org.relationcrm.playbook.Situation;
import org.relationcrm.playbook.TypedText;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.PlaybookTestData;
import org.relationcrm.testing.TestData;

/**
 * Journey (4) of issue 13: a sales rep logs a call with an angry client; as they choose a negative mood the "angry
 * client" guide appears under it (htmx on the laptop, after a validation round-trip on the phone), they open it and
 * mark it useful without losing what they typed; a manager then sees the guide's use and edits it: a new version.
 * On a laptop (1280×800) and a phone (390×844), axe on each page; screenshots in target/screenshots/playbook.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaybookJourneyTests {

    /** The app's clock (relation.time-zone): "today" is the app's day, whatever the JVM's zone. */
    @Autowired
    java.time.Clock clock;

    private static final String PASSWORD = "a-long-password";
    private static final int[][] SIZES = {{1280, 800}, {390, 844}};

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    ClientService clients;
    @Autowired
    PlaybookService playbooks;
    @Autowired
    PlaybookReadService reads;
    @Autowired
    ComplaintService complaints;
    @Autowired
    OpportunityService opportunities;

    Playwright playwright;
    Browser browser;
    User sales;
    User manager;
    Company company;
    Playbook angry;
    String title;
    final List<String> problems = new ArrayList<>();

    @BeforeAll
    void startBrowserAndCreateData() throws IOException {
        Files.createDirectories(HeadlessChromium.SCREENSHOTS.resolve("playbook"));
        playwright = HeadlessChromium.playwright();
        browser = HeadlessChromium.launch(playwright);
        sales = users.create(TestData.unique("sophie"), PASSWORD, "Sophie Martin", Role.SALES, Department.SALES);
        manager = users.create(TestData.unique("julien"), PASSWORD, "Julien Moreau", Role.MANAGER,
                Department.MANAGEMENT);
        company = clients.createCompany(TestData.company(TestData.unique("Menuiserie Roux"), sales.id()),
                sales.asActor());
        title = TestData.unique("Client mécontent : écouter, reconnaître, dater la suite");
        angry = PlaybookTestData.ensure(playbooks, reads, Situation.ANGRY_CLIENT, Map.of(
                Language.FR, new TypedText(title,
                        "Le client est en colère. Le but : qu'il se sente entendu, puis une suite datée.",
                        """
                        Laissez-le parler jusqu'au bout sans l'interrompre ; prenez des notes.
                        Reformulez le problème avec ses mots et vérifiez que vous avez bien compris.
                        Reconnaissez la gêne causée, sans chercher de coupable.
                        Ne promettez que ce que vous pouvez tenir.
                        Donnez une date pour le prochain point, et tenez-la.
                        """,
                        "« Je comprends que ce soit pénible pour vous. »\n« Si je résume : … Est-ce bien cela ? »",
                        "« Calmez-vous. »\n« Ce n'est pas de ma faute. »", null),
                Language.EN, PlaybookTestData.english("Angry client")), manager.asActor());
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
    void aSalesRepLogsACallWithAnAngryClientSeesTheGuideMarksItUsefulAndAManagerEditsIt() {
        for (int[] size : SIZES) {
            String suffix = "-" + size[0];
            boolean phone = size[0] < 600;
            Page page = signIn(sales, size);
            page.navigate(base() + "/clients/" + company.id() + "/interactions/new");
            page.getByLabel("Objet").fill(phone ? "" : "Livraison en retard, client furieux");
            page.getByLabel("Négatif").check();
            if (phone) { // no subject: the form comes back with its message and, under the mood, the guide
                page.locator("#save-interaction").click();
                assertThat(page.locator("#subject")).hasClass(Pattern.compile("is-invalid"));
            }
            var card = page.locator("#mood-guide details.playbook-card");
            assertThat(card).isVisible();
            assertThat(card.locator(".playbook-title")).hasText(title);
            card.locator("summary").click();
            assertThat(card.locator(".playbook-steps li").first()).containsText("sans l'interrompre");
            assertThat(card.locator(".playbook-avoid")).containsText("Calmez-vous");
            HeadlessChromium.screenshot(page, "playbook/log-form-angry-client" + suffix + ".png");
            Axe.assertNoSeriousProblems(page, "the log form with the angry client guide" + suffix);

            card.locator(".playbook-useful").click();
            assertThat(card.locator(".playbook-vote-status")).containsText("utile");
            assertThat(card.locator(".playbook-useful")).hasAttribute("aria-pressed", "true");
            HeadlessChromium.screenshot(page, "playbook/log-form-voted" + suffix + ".png");
            // the vote changed nothing the rep typed; the call is then logged
            page.getByLabel("Objet").fill("Livraison en retard, client furieux");
            assertThat(page.getByLabel("Négatif")).isChecked();
            page.locator("#save-interaction").click();
            assertThat(page).hasURL(Pattern.compile("/clients/" + company.id() + "$"));
            page.context().close();

            int revision = reads.get(angry.id(), manager.id()).revision();
            Page desk = signIn(manager, size);
            desk.navigate(base() + "/playbooks");
            var row = desk.locator("#playbook-row-angry_client");
            assertThat(row).containsText(title);
            assertThat(row.locator(".usage-useful")).not().hasText("0");
            assertThat(row.locator(".usage-shown")).not().hasText("0");
            HeadlessChromium.screenshot(desk, "playbook/list-with-usage" + suffix + ".png");
            Axe.assertNoSeriousProblems(desk, "the playbooks list" + suffix);

            row.getByText("Modifier").click();
            assertThat(desk.locator("#frTitle")).hasValue(title);
            desk.locator("#frSteps").fill(desk.locator("#frSteps").inputValue()
                    + "\nConsignez l'échange avec le ressenti « négatif ».");
            HeadlessChromium.screenshot(desk, "playbook/edit-form" + suffix + ".png");
            Axe.assertNoSeriousProblems(desk, "the playbook form" + suffix);
            desk.locator("#save-playbook").click();
            assertThat(desk.locator("#playbook-version")).containsText("Version " + (revision + 1));
            assertThat(desk.locator(".playbook-steps li").last()).containsText("Consignez l'échange");
            HeadlessChromium.screenshot(desk, "playbook/guide" + suffix + ".png");
            Axe.assertNoSeriousProblems(desk, "the guide page" + suffix);

            desk.navigate(base() + "/playbooks/" + angry.id() + "/history");
            assertThat(desk.locator("#version-" + (revision + 1))).isVisible();
            assertThat(desk.locator("#version-" + revision)).isVisible();
            HeadlessChromium.screenshot(desk, "playbook/history" + suffix + ".png");
            Axe.assertNoSeriousProblems(desk, "the history" + suffix);
            desk.context().close();
        }
        assertThat(problems).as("asset errors, console errors or CSP violations").isEmpty();
    }

    /** The complaint page (complaint and escalation guides) and a deal with a concession for nothing (negotiation). */
    @Test
    void theComplaintTheEscalationAndTheNegotiationGuidesAppearWhereTheirSituationIs() {
        User agent = users.create(TestData.unique("karim"), PASSWORD, "Karim Benali", Role.SUPPORT, Department.SUPPORT);
        for (Situation situation : new Situation[]{Situation.COMPLAINT_HANDLING, Situation.ESCALATION,
                Situation.PRICE_OBJECTION}) {
            PlaybookTestData.ensure(playbooks, reads, situation, Map.of(Language.FR,
                    PlaybookTestData.french(TestData.unique("Guide " + situation.ordinal()))), manager.asActor());
        }
        Complaint complaint = complaints.open(new NewComplaint(company.id(), null, Channel.PHONE,
                ComplaintCategory.DELIVERY, Severity.HIGH, "Palette arrivée abîmée", "Deux portes rayées."),
                agent.id(), agent.asActor());
        Opportunity deal = opportunities.open(company.id(), Stage.NEGOTIATION,
                new OpportunityDetails("Agencement atelier", new BigDecimal("24000"), "EUR", null,
                        LocalDate.now(clock).plusMonths(1), sales.id(), OpportunitySource.REFERRAL, Set.of(), Set.of()),
                new NextStepPlan("Relancer", LocalDate.now(clock).plusDays(3)), sales.asActor());
        opportunities.grantConcession(deal.id(), opportunities.load(deal.id()).version(), ConcessionType.DELIVERY,
                ValueKind.AMOUNT, new BigDecimal("300"), Counterpart.NONE, null, sales.asActor());
        for (int[] size : SIZES) {
            String suffix = "-" + size[0];
            Page desk = signIn(agent, size);
            desk.navigate(base() + "/complaints/" + complaint.id());
            assertThat(desk.locator("#playbook-complaint_handling")).isVisible();
            assertThat(desk.locator("#escalate-form")).isVisible();
            desk.locator("#playbook-escalation summary").click();
            assertThat(desk.locator("#playbook-escalation .playbook-criteria")).containsText("Deux relances");
            HeadlessChromium.screenshot(desk, "playbook/complaint" + suffix + ".png");
            Axe.assertNoSeriousProblems(desk, "the complaint with its guides" + suffix);
            desk.context().close();

            Page page = signIn(sales, size);
            page.navigate(base() + "/opportunities/" + deal.id());
            page.locator("#playbook-price_objection summary").click();
            page.locator("#playbook-price_objection .playbook-not-useful").click();
            assertThat(page.locator("#playbook-price_objection .playbook-vote-status")).containsText("pas utile");
            HeadlessChromium.screenshot(page, "playbook/deal" + suffix + ".png");
            Axe.assertNoSeriousProblems(page, "the deal with the negotiation guide" + suffix);
            page.context().close();
        }
        assertThat(problems).as("asset errors, console errors or CSP violations").isEmpty();
    }

    private Page signIn(User user, int[] size) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale("fr-FR").setTimezoneId("Europe/Paris").setViewportSize(size[0], size[1]));
        context.setDefaultTimeout(15_000);
        Page page = context.newPage();
        HeadlessChromium.watch(page, base(), problems);
        page.navigate(base() + "/login");
        page.getByLabel("Identifiant").fill(user.username());
        page.getByLabel("Mot de passe").fill(PASSWORD);
        page.locator("button[type=submit]").click();
        assertThat(page).hasURL(Pattern.compile(":" + port + "/$"));
        return page;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
