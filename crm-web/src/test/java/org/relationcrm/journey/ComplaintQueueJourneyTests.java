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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.feedback.ComplaintCategory;
import org.relationcrm.feedback.ComplaintService;
import org.relationcrm.feedback.NewComplaint;
import org.relationcrm.feedback.Severity;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * A support agent's day with complaints (issue 12), in headless Chromium at 1280×800 and 390×844, axe run at each
 * step: a complaint with a subject and no person (its facts line has no empty part); taking it in hand makes it the
 * agent's without counting as an answer; the reply to the client does, and lands on the timeline; a level-2
 * escalation hands it to a manager, who is shown as its owner and alone sees the buttons; the queue sorts by its
 * columns (the sort in the URL, kept by the tabs) and reads as cards on a phone, without sideways scrolling.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplaintQueueJourneyTests {

    private static final String PASSWORD = "a-long-password";
    private static final int[] LAPTOP = {1280, 800};
    private static final int[] PHONE = {390, 844};

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    ClientService clients;
    @Autowired
    ComplaintService complaints;
    @Autowired
    JdbcClient jdbc;

    Playwright playwright;
    Browser browser;
    User support;
    User manager;
    Company company;
    String tag;
    final List<String> problems = new ArrayList<>();

    @BeforeAll
    void startBrowser() throws IOException {
        Files.createDirectories(HeadlessChromium.SCREENSHOTS);
        playwright = HeadlessChromium.playwright();
        browser = HeadlessChromium.launch(playwright);
        tag = TestData.unique("kq").replace("-", "");
        support = users.create(TestData.unique("support"), PASSWORD, "Karim Benali " + tag, Role.SUPPORT,
                Department.SUPPORT);
        manager = users.create(TestData.unique("manager"), PASSWORD, "Julien Moreau " + tag, Role.MANAGER,
                Department.MANAGEMENT);
        User sales = users.create(TestData.unique("sales"), PASSWORD, "Sophie Martin " + tag, Role.SALES,
                Department.SALES);
        company = clients.createCompany(TestData.company("Transports Lemoine " + tag, sales.id()), sales.asActor());
        clients.addContact(company.id(), TestData.person("Anne", "Lemoine", "anne@" + tag + ".fr"));
        // the agent's queue: complaints of every severity, one past its resolution due date (a red row)
        Company other = clients.createCompany(TestData.company("Atelier Vidal " + tag, sales.id()), sales.asActor());
        String[][] seeded = {{"CRITICAL", "Ligne de production arrêtée"}, {"LOW", "Bon de livraison illisible"},
                {"HIGH", "Facture en double " + tag}, {"MEDIUM", "Technicien venu sans la pièce"}};
        for (String[] s : seeded) {
            complaints.open(new NewComplaint(other.id(), null, Channel.EMAIL,
                    ComplaintCategory.SERVICE, Severity.valueOf(s[0]), s[1], "Le client écrit : " + s[1]),
                    support.id(), support.asActor());
        }
        jdbc.sql("""
                update complaint set opened_at = now() - interval '3 days', resolution_due = now() - interval '2 hours',
                                     first_response_due = now() - interval '2 days'
                where subject = 'Ligne de production arrêtée' and company_id = :c""").param("c", other.id()).update();
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
    void anAgentTakesAnswersAndEscalatesAComplaintThatTheManagerThenOwnsAndResolves() {
        Page page = signIn(support, LAPTOP);
        // A complaint from the client's 360° page: a subject, the client's words, nobody in particular.
        page.navigate(base() + "/clients/" + company.id());
        page.locator("#new-complaint").click();
        page.locator("#category").selectOption("DELIVERY");
        page.locator("#subject").fill("Palettes abîmées " + tag);
        page.locator("#description").fill("Trois palettes sur dix sont arrivées cassées, personne ne nous a prévenus.");
        page.locator("#complaint-form button[type=submit]").click();
        assertThat(page).hasURL(Pattern.compile("/complaints/\\d+$"));
        String url = page.url();
        assertThat(page.locator("h1 #complaint-subject")).hasText("Palettes abîmées " + tag);

        // No person: three facts, two dots between them, none before the first and none dangling.
        Locator facts = page.locator("#complaint-facts");
        assertThat(facts).containsText("Livraison");
        assertThat(separators(page, "#complaint-facts")).containsExactly("none", "·", "·");
        assertThat((String) page.evaluate("document.querySelector('#complaint-facts').innerText"))
                .as("what is read: three parts, no separator of its own").doesNotContain("·");

        // Taking it in hand: the agent owns it; the client still waits for an answer.
        page.locator("#start").click();
        assertThat(page.locator("#complaint-status")).hasText("En cours");
        assertThat(page.locator("#complaint-owner")).containsText(support.fullName());
        assertThat(page.locator("#first-response")).containsText("le client attend une réponse");

        // The reply to the client is the first response, and it is on the client's timeline.
        page.locator("#respond-form #channel").selectOption("PHONE");
        page.locator("#respond-form #summary").fill("Appelé le client : trois palettes repartent demain matin.");
        page.locator("#respond-form button[type=submit]").click();
        assertThat(page.locator(".alert-success[role=status]")).containsText("Réponse enregistrée");
        assertThat(page.locator("#first-response")).containsText("répondu le");
        HeadlessChromium.screenshot(page, "complaints-01-answered-1280.png");
        Axe.assertNoSeriousProblems(page, "the complaint page after the answer");

        // Level 2 without a manager is refused next to "Confier à"; with one, the page shows the manager as owner.
        page.locator("#level").selectOption("2");
        page.locator("#escalate-form #reason").fill("Le client menace de résilier : décision commerciale.");
        page.locator("#escalate-form button[type=submit]").click();
        assertThat(page.locator("#ownerId")).hasClass(Pattern.compile("\\bis-invalid\\b"));
        assertThat(page.locator("#escalate-form .invalid-feedback")).containsText("manager");
        page.locator("#ownerId").selectOption(String.valueOf(manager.id()));
        page.locator("#escalate-form #reason").fill("Le client menace de résilier : décision commerciale.");
        page.locator("#escalate-form button[type=submit]").click();
        assertThat(page.locator("#complaint-owner")).containsText(manager.fullName());
        assertThat(page.locator("#manager-only")).containsText(manager.fullName() + " (manager) la traite");
        assertThat(page.locator("#resolve-form")).hasCount(0);
        assertThat(page.locator("#respond-form")).hasCount(0);
        HeadlessChromium.screenshot(page, "complaints-02-escalated-agent-view-1280.png");
        Axe.assertNoSeriousProblems(page, "the escalated complaint, as the agent sees it");
        page.context().close();

        // The manager it was handed to resolves it; the timeline tells the story by subject, the reply among it.
        Page boss = signIn(manager, PHONE);
        boss.navigate(url);
        assertThat(boss.locator("#complaint-owner")).containsText(manager.fullName());
        HeadlessChromium.screenshot(boss, "complaints-03-escalated-manager-390.png");
        Axe.assertNoSeriousProblems(boss, "the escalated complaint, as its manager sees it on a phone");
        assertThat((Number) boss.evaluate("document.documentElement.scrollWidth")).isEqualTo(390);
        boss.locator("#resolution").fill("Palettes remplacées, transporteur changé pour ce client.");
        boss.locator("#rootCause").selectOption("THIRD_PARTY");
        boss.locator("#resolve-form button[type=submit]").click();
        assertThat(boss.locator("#complaint-status")).hasText("Résolue");
        boss.navigate(base() + "/clients/" + company.id());
        Locator timeline = boss.locator("#timeline");
        assertThat(timeline).containsText("« Palettes abîmées " + tag + " » : Livraison, gravité Moyenne");
        assertThat(timeline).containsText("« Palettes abîmées " + tag + " » escaladée au niveau 2");
        assertThat(timeline.locator(".timeline-entry").filter(new Locator.FilterOptions()
                .setHasText("trois palettes repartent demain matin"))).containsText("Palettes abîmées " + tag);
        boss.context().close();
        assertThat(problems).as("asset errors, console errors or CSP violations").isEmpty();
    }

    @Test
    void theQueueSortsByItsColumnsKeepsTheSortInItsLinksAndFitsAPhone() {
        Page page = signIn(support, LAPTOP);
        page.navigate(base() + "/complaints?queue=MINE");
        Locator severity = page.locator("th:has(#sort-SEVERITY)");
        assertThat(severity).hasAttribute("aria-sort", "none");
        assertThat(page.locator("th:has(#sort-RESOLUTION)")).hasAttribute("aria-sort", "ascending");

        page.locator("#sort-SEVERITY").click();
        assertThat(page).hasURL(Pattern.compile("queue=MINE&sort=SEVERITY&dir=DESC"));
        assertThat(severity).hasAttribute("aria-sort", "descending");
        assertThat(page.locator(".complaint-row").first()).containsText("Ligne de production arrêtée");
        assertThat(page.locator(".complaint-row").first()).hasClass(Pattern.compile("\\btable-danger\\b"));
        assertThat((Number) page.evaluate("document.documentElement.scrollWidth")).as("no sideways scrolling")
                .isEqualTo(1280);
        HeadlessChromium.screenshot(page, "complaints-04-queue-by-severity-1280.png");
        Axe.assertNoSeriousProblems(page, "the queue sorted by severity");

        page.locator("#sort-SEVERITY").click();
        assertThat(page).hasURL(Pattern.compile("sort=SEVERITY&dir=ASC"));
        assertThat(page.locator(".complaint-row").first()).containsText("Bon de livraison illisible");
        page.locator("a.nav-link", new Page.LocatorOptions().setHasText("SLA dépassé ou proche")).click();
        assertThat(page).hasURL(Pattern.compile("queue=AT_RISK&sort=SEVERITY&dir=ASC"));
        assertThat(page.locator("th:has(#sort-SEVERITY)")).hasAttribute("aria-sort", "ascending");
        page.context().close();

        // On a phone: cards, no sideways scrolling, and a small form that sorts.
        Page phone = signIn(support, PHONE);
        phone.navigate(base() + "/complaints?queue=MINE");
        assertThat(phone.locator("#complaint-queue thead")).isHidden();
        assertThat(phone.locator(".complaint-row").first()).isVisible();
        assertThat((Number) phone.evaluate("document.documentElement.scrollWidth")).isEqualTo(390);
        double rowWidth = ((Number) phone.evaluate(
                "document.querySelector('.complaint-row').getBoundingClientRect().right")).doubleValue();
        assertThat(rowWidth).isLessThanOrEqualTo(390);
        phone.locator("#sort-key").selectOption("SUBJECT");
        phone.locator("#complaint-sort select[name=dir]").selectOption("ASC");
        phone.locator("#complaint-sort button[type=submit]").click();
        assertThat(phone).hasURL(Pattern.compile("queue=MINE&sort=SUBJECT&dir=ASC"));
        assertThat(phone.locator(".complaint-row .complaint-link").first()).hasText("Bon de livraison illisible");
        HeadlessChromium.screenshot(phone, "complaints-05-queue-cards-390.png");
        Axe.assertNoSeriousProblems(phone, "the queue as cards on a phone");

        // The search box finds a complaint by its subject and names it so.
        phone.locator("#global-search").fill("facture en double " + tag);
        assertThat(phone.locator("#search-suggestions")).containsText("Facture en double " + tag);
        phone.context().close();
        assertThat(problems).as("asset errors, console errors or CSP violations").isEmpty();
    }

    /** What each visible part of a joined line draws before itself: "none", or the separator. */
    @SuppressWarnings("unchecked")
    private static List<String> separators(Page page, String selector) {
        List<String> drawn = (List<String>) page.evaluate("""
                s => [...document.querySelector(s).children]
                    .filter(e => getComputedStyle(e).display !== 'none')
                    .map(e => getComputedStyle(e, '::before').content)""", selector);
        return drawn.stream().map(c -> c.contains("·") ? "·" : c).toList();
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
        assertThat(page.locator("#current-user")).hasText(user.fullName());
        page.waitForLoadState(); // htmx wires its triggers once the deferred scripts ran
        return page;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
