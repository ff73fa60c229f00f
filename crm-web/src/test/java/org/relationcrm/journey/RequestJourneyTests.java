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

import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.feedback.Complaint;
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
 * Requests between departments (issue 13), in headless Chromium at 1280×800 and 390×844, axe run at each step: a
 * support agent on a complaint asks the order desk for a credit note; the order desk sees it on My day and in its
 * queue, takes it in hand and answers; the agent rates the answer useful; a manager reads the figures; the client's
 * 360° timeline tells the story in French and in English.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestJourneyTests {

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

    Playwright playwright;
    Browser browser;
    User support;
    User adv;
    User manager;
    User administrator;
    Company company;
    Complaint complaint;
    String tag;
    final List<String> problems = new ArrayList<>();

    @BeforeAll
    void startBrowser() throws IOException {
        Files.createDirectories(HeadlessChromium.SCREENSHOTS);
        playwright = HeadlessChromium.playwright();
        browser = HeadlessChromium.launch(playwright);
        tag = TestData.unique("rq").replace("-", "");
        support = users.create(TestData.unique("support"), PASSWORD, "Karim Benali " + tag, Role.SUPPORT,
                Department.SUPPORT);
        adv = users.create(TestData.unique("adv"), PASSWORD, "Hugo Lefèvre " + tag, Role.ADV, Department.ADV);
        manager = users.create(TestData.unique("manager"), PASSWORD, "Julien Moreau " + tag, Role.MANAGER,
                Department.MANAGEMENT);
        administrator = users.create(TestData.unique("admin"), PASSWORD, "Admin " + tag, Role.ADMIN,
                Department.MANAGEMENT);
        User sales = users.create(TestData.unique("sales"), PASSWORD, "Sophie Martin " + tag, Role.SALES,
                Department.SALES);
        company = clients.createCompany(TestData.company("Transports Lemoine " + tag, sales.id()), sales.asActor());
        complaint = complaints.open(new NewComplaint(company.id(), null, Channel.PHONE, ComplaintCategory.BILLING,
                Severity.HIGH, "Facture en double " + tag, "Deux factures pour la commande 1042."), support.id(),
                support.asActor());
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
    void supportAsksTheOrderDeskForACreditNoteWhichAnswersAndSupportRatesItUseful() {
        // The administrator shortens the order desk's service level for credit notes to 2 working hours (the test
        // database is shared: this request is then due before those other tests left in the queue).
        Page admin = signIn(administrator, LAPTOP);
        admin.navigate(base() + "/admin/service-levels");
        admin.locator("#h-CREDIT_NOTE-ADV").fill("2");
        admin.locator("#levels-form button[type=submit]").click();
        assertThat(admin.locator(".alert-success")).isVisible();
        assertThat(admin.locator("#h-CREDIT_NOTE-ADV")).hasValue("2");
        HeadlessChromium.screenshot(admin, "requests-00-service-levels-1280.png");
        Axe.assertNoSeriousProblems(admin, "the service levels");
        admin.context().close();

        // Support, on the complaint: "ask the order desk for a credit note", the context carried into the form.
        Page agent = signIn(support, LAPTOP);
        agent.navigate(base() + "/complaints/" + complaint.id());
        agent.locator("#ask-credit-note").click();
        assertThat(agent.locator("#toDepartment")).hasValue("ADV");
        assertThat(agent.locator("#kind")).hasValue("CREDIT_NOTE");
        assertThat(agent.locator("#request-about")).containsText("Réclamation n° " + complaint.id());
        // nothing typed: the message is next to the field, the choices kept
        agent.locator("#request-form button[type=submit]").click();
        assertThat(agent.locator("#needed")).hasClass(Pattern.compile("\\bis-invalid\\b"));
        assertThat(agent.locator("#kind")).hasValue("CREDIT_NOTE");
        agent.locator("#needed").fill("Avoir de 120 € sur la facture F-1042 envoyée deux fois " + tag + ".");
        HeadlessChromium.screenshot(agent, "requests-01-form-1280.png");
        Axe.assertNoSeriousProblems(agent, "the new request form");
        agent.locator("#request-form button[type=submit]").click();
        assertThat(agent).hasURL(Pattern.compile("/requests/\\d+$"));
        String requestUrl = agent.url();
        assertThat(agent.locator("#request-status")).hasText("Nouvelle");
        assertThat(agent.locator("#request-subject")).hasAttribute("href", "/complaints/" + complaint.id());
        assertThat(agent.locator("#request-client")).hasAttribute("href", "/clients/" + company.id());
        assertThat(agent.locator("#accept")).hasCount(0);
        HeadlessChromium.screenshot(agent, "requests-02-sent-1280.png");
        Axe.assertNoSeriousProblems(agent, "the request, as its requester sees it");
        agent.context().close();

        // The order desk, on a phone: the request on My day, then in its queue; taken in hand, then answered.
        Page desk = signIn(adv, PHONE);
        Locator toAnswer = desk.locator("#requests-to-answer");
        assertThat(toAnswer).containsText("Transports Lemoine " + tag);
        assertThat(toAnswer).containsText("Avoir");
        HeadlessChromium.screenshot(desk, "requests-03-myday-adv-390.png");
        Axe.assertNoSeriousProblems(desk, "My day of the order desk");
        assertThat((Number) desk.evaluate("document.documentElement.scrollWidth")).isEqualTo(390);
        desk.navigate(base() + "/requests");
        Locator item = desk.locator(".request-item").filter(new Locator.FilterOptions().setHasText(tag));
        assertThat(item).containsText("Support (Karim Benali " + tag + ") → ADV");
        HeadlessChromium.screenshot(desk, "requests-04-queue-390.png");
        Axe.assertNoSeriousProblems(desk, "the order desk's queue on a phone");
        assertThat((Number) desk.evaluate("document.documentElement.scrollWidth")).isEqualTo(390);
        item.locator(".request-link").click();
        assertThat(desk).hasURL(requestUrl);
        desk.locator("#accept").click();
        assertThat(desk.locator("#request-status")).hasText("Prise en charge");
        assertThat(desk.locator("#request-handler")).hasText(adv.fullName());
        desk.locator("#done-form #answer").fill("Avoir AV-2026-311 de 120 € émis et envoyé au client.");
        desk.locator("#done-form button[type=submit]").click();
        assertThat(desk.locator("#request-status")).hasText("Traitée");
        assertThat(desk.locator("#request-first-answer")).containsText("dans les délais");
        HeadlessChromium.screenshot(desk, "requests-05-done-390.png");
        Axe.assertNoSeriousProblems(desk, "the request answered, on a phone");
        desk.context().close();

        // Support rates the answer: it waits on their My day, "not useful" needs a word, "useful" does not.
        Page back = signIn(support, LAPTOP);
        assertThat(back.locator("#requests-waiting")).containsText("À noter");
        back.navigate(requestUrl);
        back.locator("#useful-no").check();
        back.locator("#rate-form button[type=submit]").click();
        assertThat(back.locator("#rate-form #comment")).hasClass(Pattern.compile("\\bis-invalid\\b"));
        back.locator("#useful-yes").check();
        back.locator("#rate-form button[type=submit]").click();
        assertThat(back.locator("#request-rating")).containsText("Utile");
        assertThat(back.locator("#rate-form")).hasCount(0);
        HeadlessChromium.screenshot(back, "requests-06-rated-1280.png");
        Axe.assertNoSeriousProblems(back, "the request rated");
        back.context().close();

        // The manager's figures, per receiving department.
        Page boss = signIn(manager, LAPTOP);
        boss.navigate(base() + "/requests/figures");
        Locator adv = boss.locator("#figures-ADV");
        assertThat(adv).isVisible();
        assertThat(adv.locator(".figures-median")).hasText(Pattern.compile("\\d+(,\\d+)?\\s?h"));
        assertThat(adv.locator(".figures-useful")).containsText("%");
        HeadlessChromium.screenshot(boss, "requests-07-figures-1280.png");
        Axe.assertNoSeriousProblems(boss, "the manager's figures");
        boss.setViewportSize(PHONE[0], PHONE[1]);
        assertThat((Number) boss.evaluate("document.documentElement.scrollWidth")).isEqualTo(390);
        HeadlessChromium.screenshot(boss, "requests-08-figures-390.png");

        // The client's 360° timeline tells the story, in French and in English.
        boss.setViewportSize(LAPTOP[0], LAPTOP[1]);
        boss.navigate(base() + "/clients/" + company.id());
        Locator timeline = boss.locator("#timeline");
        assertThat(timeline).containsText("Le support a demandé un avoir à l'ADV");
        assertThat(timeline).containsText("L'ADV a répondu au support en moins d'une heure");
        assertThat(timeline.locator(".timeline-entry").filter(new Locator.FilterOptions()
                .setHasText("Le support a demandé un avoir")).locator(".subject a").first())
                .hasAttribute("href", Pattern.compile("/requests/\\d+$"));
        HeadlessChromium.screenshot(boss, "requests-09-timeline-fr-1280.png");
        boss.navigate(base() + "/clients/" + company.id() + "?lang=en");
        assertThat(timeline).containsText("Support asked the order desk for a credit note");
        assertThat(timeline).containsText("The order desk answered Support in less than an hour");
        HeadlessChromium.screenshot(boss, "requests-10-timeline-en-1280.png");
        Axe.assertNoSeriousProblems(boss, "the 360° page in English with the request's entries");
        boss.context().close();
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
        assertThat(page.locator("#current-user")).hasText(user.fullName());
        page.waitForLoadState(); // htmx wires its triggers once the deferred scripts ran
        return page;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
