package org.relationcrm.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.relationcrm.client.Contact;
import org.relationcrm.feedback.Complaint;
import org.relationcrm.feedback.ComplaintCategory;
import org.relationcrm.feedback.ComplaintService;
import org.relationcrm.feedback.NewComplaint;
import org.relationcrm.feedback.Severity;
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.Interaction;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.LogInteraction;
import org.relationcrm.interaction.Sentiment;
import org.relationcrm.pipeline.NextStepPlan;
import org.relationcrm.pipeline.Opportunity;
import org.relationcrm.pipeline.OpportunityDetails;
import org.relationcrm.pipeline.OpportunityService;
import org.relationcrm.pipeline.OpportunitySource;
import org.relationcrm.pipeline.Stage;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * Every main page, as each role, on a laptop (1280×800) and a phone (390×844): axe-core finds no serious or critical
 * problem (contrast, names, structure), the top bar holds on one line on the laptop and folds behind its menu button
 * on the phone, and the search box works from the keyboard. Screenshots of each page at both sizes land in
 * target/screenshots/a11y.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityJourneyTests {

    private static final String PASSWORD = "a-long-password";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int[][] SIZES = {{1280, 800}, {390, 844}};

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    ClientService clients;
    @Autowired
    InteractionService interactions;
    @Autowired
    OpportunityService opportunities;
    @Autowired
    ComplaintService complaints;
    @Autowired
    JdbcClient jdbc;

    Playwright playwright;
    Browser browser;
    final Map<Role, User> byRole = new EnumMap<>(Role.class);
    String tag;
    Company company;
    Contact anne;
    Contact privateCustomer;
    Opportunity deal;
    Complaint complaint;
    final List<String> problems = new ArrayList<>();

    @BeforeAll
    void startBrowserAndCreateData() throws IOException {
        Files.createDirectories(HeadlessChromium.SCREENSHOTS.resolve("a11y"));
        playwright = HeadlessChromium.playwright();
        browser = HeadlessChromium.launch(playwright);
        for (Role role : Role.values()) {
            Department department = switch (role) {
                case SALES -> Department.SALES;
                case SUPPORT -> Department.SUPPORT;
                case ADV -> Department.ADV;
                case MANAGER, ADMIN -> Department.MANAGEMENT;
            };
            byRole.put(role, users.create(TestData.unique(role.name().toLowerCase()), PASSWORD,
                    "Personne " + role.name().charAt(0) + role.name().substring(1).toLowerCase(), role, department));
        }
        User sales = byRole.get(Role.SALES);
        tag = TestData.unique("ax").replace("-", "");
        company = clients.createCompany(TestData.company("Fromagerie " + tag, sales.id()), sales.asActor());
        anne = clients.addContact(company.id(), TestData.person("Anne", "Dupont", "anne@" + tag + ".fr"));
        privateCustomer = clients.addPrivateCustomer(TestData.person("Paul", "Lefèvre " + tag, null));
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(PARIS);
        // a next step done (green on the timeline), one due today (My day), a negative exchange (red border)
        Interaction done = interactions.log(new LogInteraction(company.id(), Set.of(anne.id()), Channel.PHONE,
                Direction.OUTBOUND, now.minus(Duration.ofDays(3)), "Relance devis", "Elle attend le devis.", null,
                null, "Envoyer le devis", today.plusDays(1)), sales.asActor());
        interactions.completeNextStep(done.id(), done.version(), sales.asActor());
        interactions.log(new LogInteraction(company.id(), Set.of(anne.id()), Channel.EMAIL, Direction.INBOUND,
                now.minus(Duration.ofDays(1)), "Réclamation livraison", "Colis abîmé.", null, Sentiment.NEGATIVE,
                "Rappeler Anne", today), sales.asActor());
        interactions.log(new LogInteraction(null, Set.of(privateCustomer.id()), Channel.PHONE, Direction.INBOUND,
                now.minus(Duration.ofHours(5)), "Question sur la facture", "Il a payé deux fois.", null, null, null,
                null), byRole.get(Role.SUPPORT).asActor());
        deal = opportunities.open(company.id(), Stage.NEGOTIATION,
                new OpportunityDetails("Affinage " + tag, new BigDecimal("48000"), "EUR", null, today.plusMonths(1),
                        sales.id(), OpportunitySource.REFERRAL, Set.of(anne.id()), Set.of()),
                new NextStepPlan("Négocier la remise", today.plusDays(2)), sales.asActor());
        complaint = complaints.open(new NewComplaint(company.id(), anne.id(), Channel.PHONE, ComplaintCategory.DELIVERY,
                Severity.HIGH, "Livraison arrivée cassée " + tag, "Livraison arrivée cassée " + tag), byRole.get(Role.SUPPORT).id(),
                byRole.get(Role.SUPPORT).asActor());
        // past its due dates, so the queue shows it in red
        jdbc.sql("update complaint set opened_at = opened_at - interval '10 days', first_response_due = now() - interval '2 days', "
                + "resolution_due = now() - interval '1 day' where id = :id").param("id", complaint.id()).update();
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
    void everyMainPageOfEveryRoleHasNoSeriousAxeProblemOnALaptopAndAPhone() {
        List<String> findings = new ArrayList<>();
        Set<String> shot = new HashSet<>();
        for (int[] size : SIZES) {
            for (Role role : Role.values()) {
                Page page = signIn(byRole.get(role), size);
                Set<String> pages = new LinkedHashSet<>(menuLinks(page));
                pages.addAll(List.of("/clients/" + company.id(), "/contacts/" + anne.id(),
                        "/contacts/" + privateCustomer.id(), "/opportunities/" + deal.id(),
                        "/complaints/" + complaint.id(), "/search?q=" + tag, "/profile/password"));
                if (role != Role.ADMIN) {
                    pages.add("/clients/" + company.id() + "/interactions/new");
                }
                for (String path : pages) {
                    page.navigate(base() + path);
                    String name = screenshotName(path) + "-" + size[0];
                    if (shot.add(name)) {
                        HeadlessChromium.screenshot(page, "a11y/" + name + ".png");
                    }
                    for (String finding : Axe.seriousProblems(page)) {
                        findings.add(role + " " + size[0] + " " + path + ": " + finding);
                    }
                }
                page.context().close();
            }
        }
        assertThat(findings).as("serious or critical axe findings").isEmpty();
        assertThat(problems).as("asset errors, console errors or CSP violations").isEmpty();
    }

    @Test
    void theTopBarHoldsOnOneLineOnALaptopAndFoldsOnAPhone() {
        Page laptop = signIn(byRole.get(Role.MANAGER), SIZES[0]);
        assertThat(height(laptop, ".topbar")).isLessThan(60);
        assertThat(laptop.locator(".menu-button")).isHidden();
        // a menu opens from the keyboard, its links are reachable, Escape closes it
        Locator sales = laptop.locator("summary", new Page.LocatorOptions().setHasText("Ventes"));
        sales.focus();
        laptop.keyboard().press("Enter");
        assertThat(laptop.locator("a.menu-link[href='/concessions/pending']")).isVisible();
        Axe.assertNoSeriousProblems(laptop, "the laptop's open Ventes menu");
        laptop.keyboard().press("Tab");
        assertThat(laptop.locator("a.menu-link[href='/pipeline']")).isFocused();
        laptop.keyboard().press("Escape");
        assertThat(laptop.locator("a.menu-link[href='/pipeline']")).isHidden();
        assertThat(sales).isFocused();
        HeadlessChromium.screenshot(laptop, "a11y/topbar-1280.png");
        laptop.context().close();

        Page phone = signIn(byRole.get(Role.MANAGER), SIZES[1]);
        assertThat(height(phone, ".topbar")).isLessThan(70);
        assertThat(phone.locator("#main-menu")).isHidden();
        assertThat(phone.locator("#global-search")).isVisible();
        Locator button = phone.locator(".menu-button");
        assertThat(button).hasAttribute("aria-expanded", "false");
        button.click();
        assertThat(button).hasAttribute("aria-expanded", "true");
        assertThat(phone.locator("a.menu-link[href='/risk']")).isVisible();
        assertThat(phone.locator("a.menu-link[href='/pipeline/dashboard']")).isVisible();
        Axe.assertNoSeriousProblems(phone, "the phone's open menu");
        HeadlessChromium.screenshot(phone, "a11y/topbar-menu-open-390.png");

        // the 360° page shows the timeline before the side cards; the clients table fits the screen
        phone.navigate(base() + "/clients/" + company.id());
        assertThat(top(phone, "#timeline")).isLessThan(top(phone, "#completeness"));
        phone.navigate(base() + "/clients?q=" + tag);
        assertThat(phone.locator("#clients-table")).isVisible();
        assertThat((Number) phone.evaluate("document.documentElement.scrollWidth")).isEqualTo(390);
        phone.context().close();
        assertThat(problems).isEmpty();
    }

    @Test
    void theSearchBoxIsReachedFromTheKeyboardAndOpensTheFirstHit() {
        Page page = signIn(byRole.get(Role.SUPPORT), SIZES[0]);
        page.navigate(base() + "/risk");
        page.locator("body").press("/");
        assertThat(page.locator("#global-search")).isFocused();
        page.keyboard().type(tag);
        Locator hits = page.locator("#search-suggestions a.search-hit");
        assertThat(page.locator("#search-suggestions .search-panel")).hasAttribute("data-query", tag);
        assertThat(page.locator("#search-suggestions .search-group-title")).hasText(
                new String[]{"Entreprises", "Personnes", "Opportunités", "Réclamations"});
        assertThat(page.locator("#search-status")).hasText(Pattern.compile("\\d+ résultats"));
        Axe.assertNoSeriousProblems(page, "the search drop-down");
        HeadlessChromium.screenshot(page, "a11y/search-suggestions-1280.png");

        // arrows move through the hits, Enter follows the one chosen
        page.keyboard().press("ArrowDown");
        assertThat(hits.first()).isFocused();
        page.keyboard().press("ArrowDown");
        assertThat(hits.nth(1)).isFocused();
        page.keyboard().press("ArrowUp");
        page.keyboard().press("ArrowUp");
        assertThat(page.locator("#global-search")).isFocused();
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile("/clients/" + company.id() + "$"));

        // Ctrl+K from anywhere, even while typing in a form; Enter opens the first hit
        page.navigate(base() + "/clients");
        page.locator("#q").focus();
        page.keyboard().press("Control+k");
        assertThat(page.locator("#global-search")).isFocused();
        page.keyboard().type("#" + complaint.id());
        assertThat(page.locator("#search-suggestions .search-panel")).hasAttribute("data-query", "#" + complaint.id());
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile("/complaints/" + complaint.id() + "$"));

        // on a phone too
        Page phone = signIn(byRole.get(Role.SALES), SIZES[1]);
        phone.locator("#global-search").fill("Lefevre " + tag);
        assertThat(phone.locator("#search-suggestions a.search-hit")).hasCount(1);
        HeadlessChromium.screenshot(phone, "a11y/search-suggestions-390.png");
        phone.locator("#search-suggestions a.search-hit").click();
        assertThat(phone).hasURL(Pattern.compile("/contacts/" + privateCustomer.id() + "$"));
        assertThat(problems).isEmpty();
    }

    @Test
    void withoutJavaScriptTheSearchIsAPageAndTheMenuIsOpen() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false)
                .setLocale("fr-FR").setViewportSize(390, 844));
        Page page = signIn(context, byRole.get(Role.ADV));
        // no menu button without JavaScript: the menu stays open under the bar, its groups unfold on a tap
        assertThat(page.locator("#main-menu")).isVisible();
        assertThat(page.locator(".menu-button")).isHidden();
        page.locator("#global-search").fill(tag);
        page.locator("#global-search").press("Enter");
        assertThat(page).hasURL(Pattern.compile("/search\\?q=" + tag));
        assertThat(page.locator("#search-company a.search-hit")).hasText(Pattern.compile("Fromagerie " + tag));
        assertThat(page.locator("#search-deal a.search-hit")).containsText("Négociation");
        context.close();
    }

    @Test
    void theDashboardsChartsAreDescribedByTheirTables() {
        Page page = signIn(byRole.get(Role.MANAGER), SIZES[0]);
        page.navigate(base() + "/pipeline/dashboard");
        for (Locator chart : page.locator("canvas.chart").all()) {
            assertThat(chart).hasAttribute("role", "img");
            assertThat(chart).hasAccessibleName(Pattern.compile(".+"));
            String table = chart.getAttribute("aria-describedby");
            // the table is there and named (by the chart's own visible title), so a screen reader announces it
            assertThat(page.locator("table#" + table)).hasAccessibleName(Pattern.compile(".+"));
        }
        assertThat(page.locator("canvas.chart")).hasCount(3);
        page.context().close();
    }

    private Page signIn(User user, int[] size) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale("fr-FR").setTimezoneId("Europe/Paris").setViewportSize(size[0], size[1]));
        return signIn(context, user);
    }

    private Page signIn(BrowserContext context, User user) {
        context.setDefaultTimeout(15_000);
        Page page = context.newPage();
        HeadlessChromium.watch(page, base(), problems);
        page.navigate(base() + "/login");
        page.getByLabel("Identifiant").fill(user.username());
        page.getByLabel("Mot de passe").fill(PASSWORD);
        page.locator("button[type=submit]").click();
        assertThat(page).hasURL(Pattern.compile(":" + port + "/$"));
        assertThat(page.locator("#current-user")).hasText(user.fullName()); // the page is there, not only its address
        page.waitForLoadState(); // htmx wires its triggers once the deferred scripts ran
        return page;
    }

    /** "/clients/12/interactions/new" → "clients-n-interactions-new"; a private customer's page has its own name. */
    private String screenshotName(String path) {
        if (path.equals("/")) {
            return "my-day";
        }
        if (path.equals("/contacts/" + privateCustomer.id())) {
            return "contacts-private-customer";
        }
        return path.replaceAll("\\?.*", "").replaceAll("\\d+", "n").replaceAll("[^a-z]+", "-").replaceAll("^-", "");
    }

    /** The pages of the user's menu, whether the menu is folded or not. */
    private static List<String> menuLinks(Page page) {
        List<String> links = new ArrayList<>();
        for (Locator link : page.locator("a.menu-link").all()) {
            links.add(link.getAttribute("href"));
        }
        assertThat(links).as("menu links of %s: %s", page.url(), page.title()).isNotEmpty();
        return links;
    }

    private static double height(Page page, String selector) {
        return ((Number) page.evaluate("s => document.querySelector(s).getBoundingClientRect().height", selector))
                .doubleValue();
    }

    private static double top(Page page, String selector) {
        return ((Number) page.evaluate("s => document.querySelector(s).getBoundingClientRect().top", selector))
                .doubleValue();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
