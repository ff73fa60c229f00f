package org.relationcrm.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.SelectOption;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.relationcrm.catalog.ProductLineAdmin;
import org.relationcrm.client.Civility;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.Consent;
import org.relationcrm.client.ContactDetails;
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
 * Segments (issue 14), in headless Chromium, axe run at each step: a rep builds the segment "customers without the
 * maintenance line, no interaction for 60 days, consent by phone" (the count follows the criteria as they are
 * chosen), finds the one client that matches, turns it into a call list with a message personalised for the person,
 * and sees the call on their day; the same pages in English; a colleague does not find the private segment.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SegmentJourneyTests {

    private static final String PASSWORD = "a-long-password";
    private static final int[] LAPTOP = {1280, 900};

    @LocalServerPort
    int port;
    /** The app's clock: its days are those of relation.time-zone, not the JVM's. */
    @Autowired
    java.time.Clock clock;
    @Autowired
    UserService users;
    @Autowired
    ClientService clients;
    @Autowired
    InteractionService interactions;
    @Autowired
    ProductLineAdmin productLines;

    Playwright playwright;
    Browser browser;
    User rep;
    User colleague;
    String tag;
    String maintenance;
    final List<String> problems = new ArrayList<>();

    @BeforeAll
    void startBrowserAndBuildTheClients() throws IOException {
        Files.createDirectories(HeadlessChromium.SCREENSHOTS);
        playwright = HeadlessChromium.playwright();
        browser = HeadlessChromium.launch(playwright);
        tag = TestData.unique("sg").replace("-", "");
        rep = users.create(TestData.unique("sales"), PASSWORD, "Sophie Martin " + tag, Role.SALES, Department.SALES);
        colleague = users.create(TestData.unique("sales"), PASSWORD, "Hugo Lambert " + tag, Role.SALES,
                Department.SALES);
        User admin = users.create(TestData.unique("admin"), PASSWORD, "Admin " + tag, Role.ADMIN, Department.MANAGEMENT);
        User adv = users.create(TestData.unique("adv"), PASSWORD, "Adv " + tag, Role.ADV, Department.ADV);
        maintenance = "Maintenance " + tag;
        long line = productLines.create(tag.toUpperCase().substring(0, 10), maintenance, null, admin.asActor()).id();

        // kept: a customer without maintenance, last call 75 days ago, a person who accepts calls
        Company garage = customer("Garage Petit " + tag);
        person(garage, "Claire", "Petit", "Clairette", new Consent(false, true, false, false));
        call(garage, 75);
        // left out: holds maintenance
        Company bakery = customer("Boulangerie Roux " + tag);
        person(bakery, "Paul", "Roux", null, new Consent(true, true, false, false));
        call(bakery, 90);
        productLines.hold(bakery.id(), line, adv.asActor());
        // left out: called ten days ago
        Company printer = customer("Imprimerie Blanc " + tag);
        person(printer, "Luc", "Blanc", null, new Consent(true, true, false, false));
        call(printer, 10);
        // left out: nobody there accepts calls
        Company joinery = customer("Menuiserie Noir " + tag);
        person(joinery, "Emma", "Noir", null, new Consent(true, false, false, false));
        call(joinery, 120);
    }

    private Company customer(String name) {
        return clients.createCompany(TestData.company(name, rep.id()), rep.asActor());
    }

    private void person(Company company, String first, String last, String preferred, Consent consent) {
        clients.addContact(company.id(), new ContactDetails(Civility.MRS, first, last, preferred, "Gérante",
                first.toLowerCase() + "@example.org", "04 78 00 00 00", null, null, Channel.PHONE, "fr", null, null,
                null, consent));
    }

    private void call(Company company, int daysAgo) {
        interactions.log(new LogInteraction(company.id(), null, Channel.PHONE, Direction.OUTBOUND,
                Instant.now().minus(Duration.ofDays(daysAgo)), "Point annuel", null, null, null, null, null),
                rep.asActor());
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
    void aRepBuildsTheSegmentOfSilentCustomersWithoutMaintenanceWhoAcceptCallsAndCallsThemFromTheirDay() {
        Page page = signIn(rep, problems);
        page.navigate(base() + "/segments");
        assertThat(page.locator("a.menu-link[href='/segments']")).hasCount(1);
        page.locator("#new-segment").click();

        // The editor: the count follows the criteria (htmx), from the rep's customers down to the one that matches.
        page.locator("#name").fill("Clients sans maintenance " + tag);
        page.locator("#ownerId").selectOption(String.valueOf(rep.id()));
        assertThat(page.locator("#count-companies")).hasText("4");
        page.locator("#status").selectOption("CUSTOMER");
        page.locator("#held").selectOption("NOT_HELD");
        page.locator("#productLineId").selectOption(new SelectOption().setLabel(maintenance));
        assertThat(page.locator("#count-companies")).hasText("3");
        page.locator("#silentDays").fill("60");
        assertThat(page.locator("#count-companies")).hasText("2");
        page.locator("#consent").selectOption("PHONE");
        assertThat(page.locator("#count-companies")).hasText("1");
        assertThat(page.locator("#count-people")).hasText("1 personne");
        HeadlessChromium.screenshot(page, "segment-01-editor-fr-1280.png");
        Axe.assertNoSeriousProblems(page, "the segment editor");

        // A criterion out of its limits: the count waits, the form says why.
        page.locator("#silentDays").fill("99999");
        assertThat(page.locator("#segment-count")).containsText("critères sont valides");
        page.locator("#save-segment").click();
        assertThat(page.locator("#silentDays")).hasClass(Pattern.compile("is-invalid"));
        page.locator("#silentDays").fill("60");
        page.locator("#save-segment").click();

        // The segment: its criteria in words, the one client, what it becomes.
        assertThat(page).hasURL(Pattern.compile("/segments/\\d+$"));
        String segmentUrl = page.url();
        assertThat(page.locator("#criteria")).containsText("Ne détient pas la gamme " + maintenance);
        assertThat(page.locator("#criteria")).containsText("Sans échange depuis 60 jours");
        assertThat(page.locator("#criteria")).containsText("Consentement : Téléphone");
        assertThat(page.locator("#segment-clients tbody tr")).hasCount(1);
        assertThat(page.locator("#segment-clients")).containsText("Garage Petit " + tag);
        HeadlessChromium.screenshot(page, "segment-02-detail-fr-1280.png");
        Axe.assertNoSeriousProblems(page, "a segment");

        // The call list: the template for each person, personalised for Claire, due today.
        page.locator("#make-call-list").click();
        Locator message = page.locator("#message-0");
        assertThat(message).hasValue(Pattern.compile("^Bonjour Clairette, .*Garage Petit " + tag));
        message.fill("Bonjour Clairette, votre contrat d'entretien arrive à échéance : on en parle ?");
        page.locator("#dueOn").fill(LocalDate.now(clock).toString());
        HeadlessChromium.screenshot(page, "segment-03-call-list-fr-1280.png");
        Axe.assertNoSeriousProblems(page, "the call list");
        page.locator("#plan-calls").click();
        assertThat(page.locator("#calls-planned")).containsText("1 appel planifié.");

        // The rep's day: the call, with the person and the segment.
        page.navigate(base() + "/");
        assertThat(page.locator("#due-today")).containsText("Appeler Claire Petit (segment Clients sans maintenance "
                + tag + ")");
        assertThat(page.locator("#due-today")).containsText("votre contrat d'entretien arrive à échéance");
        HeadlessChromium.screenshot(page, "segment-04-my-day-fr-1280.png");
        Axe.assertNoSeriousProblems(page, "my day with the planned call");

        // The client's timeline keeps the personalised message.
        page.navigate(base() + "/segments");
        page.locator("#segments-table a").filter(new Locator.FilterOptions().setHasText(tag)).click();
        page.locator("#segment-clients a").first().click();
        assertThat(page.locator("body")).containsText("votre contrat d'entretien arrive à échéance");

        // In English.
        page.navigate(segmentUrl + "?lang=en");
        assertThat(page.locator("#criteria")).containsText("Does not hold the line " + maintenance);
        HeadlessChromium.screenshot(page, "segment-05-detail-en-1280.png");
        Axe.assertNoSeriousProblems(page, "a segment in English");
        page.navigate(segmentUrl + "/edit");
        assertThat(page.locator("#count-companies")).hasText("1");
        assertThat(page.locator("#count-people")).hasText("1 person");
        HeadlessChromium.screenshot(page, "segment-06-editor-en-1280.png");
        page.navigate(segmentUrl + "/calls");
        assertThat(page.locator("#message-0")).hasValue(Pattern.compile("^Hello Clairette, "));
        HeadlessChromium.screenshot(page, "segment-07-call-list-en-1280.png");
        Axe.assertNoSeriousProblems(page, "the call list in English");

        // A colleague: the private segment does not exist for them.
        List<String> refused = new ArrayList<>();
        Page other = signIn(colleague, refused);
        Response answer = other.navigate(segmentUrl);
        assertThat(answer.status()).isEqualTo(404);
        other.navigate(base() + "/segments");
        assertThat(other.locator("body")).not().containsText("Clients sans maintenance " + tag);

        assertThat(problems).as("asset errors, console errors or CSP violations").isEmpty();
    }

    private Page signIn(User user, List<String> watched) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale("fr-FR").setTimezoneId("Europe/Paris").setViewportSize(LAPTOP[0], LAPTOP[1]));
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
