package org.relationcrm.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import org.relationcrm.client.Contact;
import org.relationcrm.feedback.SurveyKind;
import org.relationcrm.feedback.SurveyService;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * The KPI dashboard (issue 14), in headless Chromium with axe at each step, in French then in English: a manager
 * reads the KPIs of a rep's clients, reads the NPS's definition on focus, opens the detractors behind the NPS,
 * records a root cause and an action in the monthly review (an incomplete form comes back with its message), and
 * marks the action done; the rep's own page shows their clients' figures only.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightJourneyTests {

    /** The app's clock (relation.time-zone): "today" is the app's day, whatever the JVM's zone. */
    @Autowired
    java.time.Clock clock;

    private static final String PASSWORD = "a-long-password";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    ClientService clients;
    @Autowired
    SurveyService surveys;

    Playwright playwright;
    Browser browser;
    User sales;
    User manager;
    Company company;
    String tag;
    final List<String> problems = new ArrayList<>();

    @BeforeAll
    void setUp() throws IOException {
        Files.createDirectories(HeadlessChromium.SCREENSHOTS);
        playwright = HeadlessChromium.playwright();
        browser = HeadlessChromium.launch(playwright);
        tag = TestData.unique("ki").replace("-", "");
        sales = users.create(TestData.unique("sales"), PASSWORD, "Sophie Martin " + tag, Role.SALES, Department.SALES);
        manager = users.create(TestData.unique("manager"), PASSWORD, "Julien Moreau " + tag, Role.MANAGER,
                Department.MANAGEMENT);
        company = clients.createCompany(TestData.company("Transports Lemoine " + tag, sales.id()), sales.asActor());
        Contact contact = clients.addContact(company.id(), TestData.person("Anne", "Martin", "anne@example.com"));
        answer(contact, 10, "Très bien suivis");
        answer(contact, 9, null);
        answer(contact, 2, "Livraisons en retard trois fois ce mois-ci");
    }

    private void answer(Contact contact, int score, String comment) {
        var sent = surveys.send(SurveyKind.NPS, contact.id(), false, sales.asActor());
        surveys.answer(sent.survey().token(), score, comment);
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
    void aManagerReadsTheKpisOpensTheDetractorsAndRecordsARootCauseAndAnAction() {
        Page boss = signIn(manager, "fr-FR", problems);
        boss.navigate(base() + "/insight?owner=" + sales.id());
        // 2 promoters, 1 detractor out of 3: (2 − 1) / 3 = 33
        assertThat(boss.locator("#kpi-NPS .kpi-value")).hasText("33");
        assertThat(boss.locator("#kpi-NPS")).containsText("2 promoteurs, 1 détracteur sur 3 réponses");
        // the definition, on keyboard focus
        assertThat(boss.locator("#def-NPS")).isHidden();
        boss.locator("#kpi-NPS .kpi-help").focus();
        assertThat(boss.locator("#def-NPS")).isVisible();
        assertThat(boss.locator("#def-NPS")).containsText("promoteurs (note 9 ou 10)");
        boss.keyboard().press("Escape"); // closes without moving the focus (WCAG 1.4.13)
        assertThat(boss.locator("#def-NPS")).isHidden();
        assertThat(boss.locator("#kpi-NPS .kpi-help")).isFocused();
        boss.locator("#kpi-CES .kpi-help").focus();
        boss.locator("#kpi-NPS .kpi-help").focus();
        assertThat(boss.locator("#def-NPS")).isVisible();
        assertThat(boss.locator("#nps-table")).isAttached();
        HeadlessChromium.screenshot(boss, "insight-01-dashboard-fr-1280.png");
        Axe.assertNoSeriousProblems(boss, "the KPI dashboard");

        // the rows behind the NPS: the detractor, with the comment
        boss.locator("#kpi-NPS .drill-link").click();
        assertThat(boss).hasURL(Pattern.compile("/insight/rows/DETRACTORS\\?"));
        assertThat(boss.locator("#drill-rows tbody tr")).hasCount(1);
        assertThat(boss.locator("#drill-rows")).containsText("Livraisons en retard trois fois ce mois-ci");
        assertThat(boss.locator("#drill-rows")).containsText("Transports Lemoine " + tag);
        HeadlessChromium.screenshot(boss, "insight-02-detractors-fr-1280.png");
        Axe.assertNoSeriousProblems(boss, "the detractors behind the NPS");

        // the monthly review: an action without a due date comes back with its message, then is recorded
        boss.navigate(base() + "/insight/review?kpi=NPS");
        assertThat(boss.locator("#kpi")).hasValue("NPS");
        boss.locator("#rootCause").fill("Retards de livraison chez Lemoine " + tag);
        boss.locator("#action").fill("Appeler chaque détracteur et revoir le transporteur");
        boss.locator("#ownerId").selectOption(String.valueOf(sales.id()));
        boss.locator("#record-action").click();
        assertThat(boss.locator("#action-form .invalid-feedback")).hasText("Ce champ est obligatoire.");
        assertThat(boss.locator("#rootCause")).hasValue("Retards de livraison chez Lemoine " + tag);
        HeadlessChromium.screenshot(boss, "insight-03-review-error-fr-1280.png");
        Axe.assertNoSeriousProblems(boss, "the review form with its message");
        boss.locator("#dueOn").fill(LocalDate.now(clock).plusDays(14).toString());
        boss.locator("#record-action").click();
        assertThat(boss.locator(".alert-success[role=status]")).hasText("Action enregistrée.");
        var row = boss.locator("#review-actions tr.review-action").filter(
                new com.microsoft.playwright.Locator.FilterOptions().setHasText("Retards de livraison chez Lemoine " + tag));
        assertThat(row).containsText("Sophie Martin " + tag);
        row.locator(".mark-done").click();
        assertThat(boss.locator(".alert-success[role=status]")).hasText("Action marquée faite.");
        assertThat(boss.locator("#review-actions tr.review-action").filter(
                new com.microsoft.playwright.Locator.FilterOptions().setHasText("Retards de livraison chez Lemoine " + tag)))
                .containsText("Faite le");
        HeadlessChromium.screenshot(boss, "insight-04-review-fr-1280.png");
        Axe.assertNoSeriousProblems(boss, "the monthly review");

        // the same pages in English
        boss.navigate(base() + "/insight?owner=" + sales.id() + "&lang=en");
        assertThat(boss.locator("h1")).hasText("Client relationship KPIs");
        assertThat(boss.locator("#kpi-NPS")).containsText("2 promoters, 1 detractor out of 3 answers");
        boss.locator("#kpi-CHURN_RATE .kpi-help").hover();
        assertThat(boss.locator("#def-CHURN_RATE")).isVisible();
        boss.keyboard().press("Escape");
        assertThat(boss.locator("#def-CHURN_RATE")).isHidden();
        boss.mouse().move(0, 0);
        boss.locator("#kpi-CHURN_RATE .kpi-help").hover();
        assertThat(boss.locator("#def-CHURN_RATE")).isVisible();
        HeadlessChromium.screenshot(boss, "insight-05-dashboard-en-1280.png");
        Axe.assertNoSeriousProblems(boss, "the KPI dashboard in English");
        boss.navigate(base() + "/insight/review");
        assertThat(boss.locator("#review-actions")).containsText("Done on");
        HeadlessChromium.screenshot(boss, "insight-06-review-en-1280.png");
        boss.navigate(base() + "/?lang=fr");

        // the rep: their own clients' figures, the team's page refused
        List<String> refused = new ArrayList<>();
        Page rep = signIn(sales, "fr-FR", refused);
        rep.navigate(base() + "/my-insight");
        assertThat(rep.locator("#kpi-NPS .kpi-value")).hasText("33");
        assertThat(rep.locator("#owner")).hasCount(0);
        HeadlessChromium.screenshot(rep, "insight-07-mine-fr-1280.png");
        Axe.assertNoSeriousProblems(rep, "a rep's own KPIs");
        assertThat(rep.navigate(base() + "/insight").status()).isEqualTo(403);

        assertThat(problems).as("asset errors, console errors or CSP violations").isEmpty();
    }

    private Page signIn(User user, String locale, List<String> watched) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale(locale).setTimezoneId("Europe/Paris").setViewportSize(1280, 800));
        context.setDefaultTimeout(15_000);
        Page page = context.newPage();
        HeadlessChromium.watch(page, base(), watched);
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
