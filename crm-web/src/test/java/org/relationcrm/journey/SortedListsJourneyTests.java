package org.relationcrm.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.relationcrm.client.ClientService;
import org.relationcrm.client.CompanyDetails;
import org.relationcrm.client.CompanyStatus;
import org.relationcrm.feedback.FeedbackReadService;
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
 * The clients, at-risk and silent lists in a real headless Chromium, on a laptop (1280×800) and a phone (390×844):
 * a sales rep sorts her clients by city, then the other way, pages on in that order; on the silent list she sees since
 * when and why each client is quiet, sorts by client and calls one from its row; a manager reads the at-risk list,
 * least risky first, and reassigns a client from its row. On a phone, nothing is wider than the screen. Every page
 * passes axe with no serious or critical finding. Screenshots in target/screenshots.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SortedListsJourneyTests {

    private static final String PASSWORD = "a-long-password";
    private static final java.util.concurrent.atomic.AtomicInteger BOOKS = new java.util.concurrent.atomic.AtomicInteger(999);
    private static final AtomicLong DEALS = new AtomicLong(Math.abs(System.nanoTime() % 1_000_000_000L) + 4_000_000_000L);

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    ClientService clients;
    @Autowired
    InteractionService interactions;
    @Autowired
    FeedbackReadService reads;
    @Autowired
    JdbcClient jdbc;

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

    @BeforeEach
    void forgetProblems() {
        problems.clear();
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    /** A rep's book: 30 customers in a few cities (some without), some talked to, some signed, some quiet. */
    private Book book() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        // first by owner among everyone's clients (A to Z), the latest book first
        User rep = users.create(TestData.unique("sales"), PASSWORD, "Aaron Abadie " + BOOKS.getAndDecrement() + " " + tag,
                Role.SALES, Department.SALES);
        String[] cities = {"Lyon", "Brest", "Annecy", "Toulouse", "Rennes", null};
        String[] names = {"Menuiserie Garnier", "Boulangerie Petit", "Transports Morel", "Imprimerie Roux",
                "Atelier Faure", "Garage Blanc", "Pharmacie Girard", "Cabinet Lambert", "Ferme Bonnet", "Hôtel Mercier"};
        for (int i = 0; i < 30; i++) {
            long id = clients.createCompany(new CompanyDetails(names[i % names.length] + " " + tag + " " + (i + 1), null,
                    "Industrie", null, null, null, cities[i % cities.length], "France", null, null,
                    CompanyStatus.CUSTOMER, rep.id(), null), rep.asActor()).id();
            jdbc.sql("update company set created_at = now() - interval '3 years' where id = :id").param("id", id).update();
            if (i % 3 != 2) {
                interactions.log(new LogInteraction(id, Set.of(), Channel.PHONE, Direction.OUTBOUND,
                        Instant.now().minus(20 + i * 23L, ChronoUnit.DAYS), "Point annuel", null, null, null, null, null),
                        rep.asActor());
            }
            if (i % 4 == 0 || i == 6) { // the 7th signed a week ago, long after its last exchange
                jdbc.sql("""
                        insert into won_deal (opportunity_id, company_id, owner_id, amount, won_on)
                        values (:o, :c, :u, 15000, current_date - :d)""")
                        .param("o", DEALS.incrementAndGet()).param("c", id).param("u", rep.id()).param("d", i == 6 ? 7 : 7 + i * 31)
                        .update();
            }
        }
        reads.refreshRisk();
        return new Book(rep, tag);
    }

    record Book(User rep, String tag) {
    }

    @Test
    void aRepSortsHerClientsByCityPagesOnAndCallsASilentClientOnALaptop() {
        Book book = book();
        Page page = signIn(book.rep(), 1280, 800);

        page.navigate(base() + "/clients?owner=" + book.rep().id());
        Locator city = page.locator("#clients-table thead th").filter(new Locator.FilterOptions().setHasText("Ville"));
        city.getByRole(AriaRole.LINK).click();
        assertThat(city).hasAttribute("aria-sort", "ascending");
        assertThat(page).hasURL(Pattern.compile("sort=CITY&dir=ASC"));
        assertThat(page.locator("#clients-table tbody tr").first()).containsText("Annecy");
        shot(page, "lists-01-clients-by-city-1280.png");
        Axe.assertNoSeriousProblems(page, "clients sorted by city (1280)");

        city.getByRole(AriaRole.LINK).click();
        assertThat(city).hasAttribute("aria-sort", "descending");
        assertThat(page.locator("#clients-table tbody tr").first()).containsText("Toulouse");
        // the next page keeps the sort: its last rows have no city
        page.locator("#next-page").click();
        assertThat(page).hasURL(Pattern.compile("sort=CITY&dir=DESC&after="));
        assertThat(city).hasAttribute("aria-sort", "descending");
        assertThat(page.locator("#clients-table tbody tr")).hasCount(5);
        // a filter changed now keeps the sort
        page.locator("#status").selectOption("CUSTOMER");
        assertThat(page).hasURL(Pattern.compile("status=CUSTOMER.*sort=CITY&dir=DESC|sort=CITY&dir=DESC.*status=CUSTOMER"));
        assertThat(city).hasAttribute("aria-sort", "descending");

        page.navigate(base() + "/silent-clients");
        Locator silence = page.locator("#silent-list thead th").filter(new Locator.FilterOptions().setHasText("Silencieux depuis"));
        assertThat(silence).hasAttribute("aria-sort", "descending");
        Locator quietest = page.locator("#silent-list tbody tr.silent-row").first();
        assertThat(quietest).containsText("jamais contacté");
        // a client who signed a week ago is not silent, whatever its last exchange; one who signed long ago is, and
        // the list says so
        assertThat(page.locator("#silent-list")).not().containsText("Pharmacie Girard " + book.tag() + " 7");
        assertThat(page.locator("#silent-list")).containsText("depuis la signature du ");
        shot(page, "lists-02-silent-1280.png");
        Axe.assertNoSeriousProblems(page, "silent clients (1280)");

        page.locator("#silent-list thead th").filter(new Locator.FilterOptions().setHasText("Client")).getByRole(AriaRole.LINK).click();
        assertThat(page).hasURL(Pattern.compile("scope=mine&sort=CLIENT&dir=ASC"));
        Locator first = page.locator("#silent-list tbody tr.silent-row").first();
        assertThat(first).containsText("Atelier Faure");
        first.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("^Appeler "))).click();
        assertThat(page).hasURL(Pattern.compile("/interactions/new\\?channel=PHONE"));
        assertThat(page.getByLabel("Canal")).hasValue("PHONE");
        assertThat(problems).as("asset errors, console errors or CSP violations").isEmpty();
    }

    @Test
    void aManagerReadsTheAtRiskListLeastRiskyFirstAndReassignsAClient() {
        Book book = book();
        User manager = users.create(TestData.unique("manager"), PASSWORD, "Julien Moreau " + book.tag(), Role.MANAGER,
                Department.MANAGEMENT);
        Page page = signIn(manager, 1280, 800);

        page.navigate(base() + "/risk?scope=all&sort=CLIENT&dir=ASC");
        Locator client = page.locator("#risk-list thead th").filter(new Locator.FilterOptions().setHasText("Client"));
        assertThat(client).hasAttribute("aria-sort", "ascending");
        Locator score = page.locator("#risk-list thead th").filter(new Locator.FilterOptions().setHasText("Score"));
        score.getByRole(AriaRole.LINK).click();
        assertThat(score).hasAttribute("aria-sort", "descending");
        assertThat(page).hasURL(Pattern.compile("scope=all&sort=SCORE&dir=DESC"));
        score.getByRole(AriaRole.LINK).click();
        assertThat(score).hasAttribute("aria-sort", "ascending");
        assertThat(page.locator("#risk-list")).not().containsText("100 %");
        shot(page, "lists-03-risk-least-first-1280.png");
        Axe.assertNoSeriousProblems(page, "at-risk list (1280)");
        // a manager's rows carry three actions (call, visit, reassign): on a laptop they stay inside the table
        assertActionsInside(page, "#risk-list", "at-risk list (1280)");
        page.navigate(base() + "/silent-clients?scope=all");
        assertThat(page.locator("#silent-list tbody tr.silent-row").first()).isVisible();
        assertActionsInside(page, "#silent-list", "silent list (1280)");
        shot(page, "lists-07-silent-manager-1280.png");

        page.navigate(base() + "/risk?scope=all&sort=OWNER&dir=ASC");
        Locator row = page.locator("#risk-list tbody tr.risk-row").filter(new Locator.FilterOptions()
                .setHasText(book.tag())).filter(new Locator.FilterOptions().setHasText("rien de signé depuis")).first();
        assertThat(row).containsText("Aaron Abadie");
        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("^Réattribuer "))).click();
        assertThat(page).hasURL(Pattern.compile("/edit#ownerId$"));
        assertThat(page.getByLabel("Responsable")).isVisible();
        assertThat(problems).as("asset errors, console errors or CSP violations").isEmpty();
    }

    @Test
    void onAPhoneTheThreeListsFitTheScreenAndStillSort() {
        Book book = book();
        Page page = signIn(book.rep(), 390, 844);

        page.navigate(base() + "/clients?owner=" + book.rep().id() + "&sort=LAST_INTERACTION&dir=DESC");
        assertThat(page.locator("#clients-table thead th[aria-sort=descending]")).hasText(Pattern.compile("Dernière interaction|Nom"));
        assertFits(page, "clients");
        // the hidden columns' essentials under the name
        assertThat(page.locator("#clients-table tbody tr").first().locator(".row-details")).containsText("dernier échange");
        shot(page, "lists-04-clients-390.png");
        Axe.assertNoSeriousProblems(page, "clients (390)");
        page.locator("#clients-table thead th").filter(new Locator.FilterOptions().setHasText("Nom")).getByRole(AriaRole.LINK).click();
        assertThat(page).hasURL(Pattern.compile("sort=NAME&dir=ASC"));
        assertFits(page, "clients by name");

        page.navigate(base() + "/silent-clients");
        assertFits(page, "silent clients");
        assertThat(page.locator("#silent-list tbody tr.silent-row").first().getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(Pattern.compile("^Appeler ")))).isInViewport();
        shot(page, "lists-05-silent-390.png");
        Axe.assertNoSeriousProblems(page, "silent clients (390)");

        page.navigate(base() + "/risk");
        page.locator("#risk-list thead th").filter(new Locator.FilterOptions().setHasText("Client")).getByRole(AriaRole.LINK).click();
        assertThat(page).hasURL(Pattern.compile("sort=CLIENT&dir=ASC"));
        assertFits(page, "at-risk list");
        shot(page, "lists-06-risk-390.png");
        Axe.assertNoSeriousProblems(page, "at-risk list (390)");
        assertThat(problems).as("asset errors, console errors or CSP violations").isEmpty();
    }

    private static void assertFits(Page page, String where) {
        int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        assertThat(width).as("%s: nothing wider than the phone", where).isLessThanOrEqualTo(390);
        Object overflowing = page.evaluate("""
                () => [...document.querySelectorAll('.table-responsive')]
                        .filter(e => e.scrollWidth > e.clientWidth + 1).length""");
        assertThat(((Number) overflowing).intValue()).as("%s: no table scrolls sideways", where).isZero();
    }

    private static void assertActionsInside(Page page, String table, String where) {
        Object outside = page.evaluate("""
                table => {
                    const edge = document.querySelector(table).getBoundingClientRect().right;
                    return [...document.querySelectorAll(table + ' .row-actions .btn')]
                        .filter(b => b.getBoundingClientRect().right > edge + 1).length;
                }""", table);
        assertThat(((Number) outside).intValue()).as("%s: action buttons past the table's edge", where).isZero();
        int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        int viewport = ((Number) page.evaluate("window.innerWidth")).intValue();
        assertThat(width).as("%s: nothing wider than the window", where).isLessThanOrEqualTo(viewport);
    }

    /** What the user sees (the viewport), not the whole page. */
    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(HeadlessChromium.SCREENSHOTS.resolve(name)));
    }

    private Page signIn(User user, int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale("fr-FR").setTimezoneId("Europe/Paris").setViewportSize(width, height));
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
