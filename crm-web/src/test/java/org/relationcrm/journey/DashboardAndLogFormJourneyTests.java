package org.relationcrm.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

import org.junit.jupiter.api.AfterAll;
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
import org.relationcrm.pipeline.OpportunityService;
import org.relationcrm.pipeline.web.PipelineTestData;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * Two of the daily irritants, in a real headless Chromium on a laptop (1280×800) and a phone (390×844),
 * with axe-core run on each page: the manager's dashboard reads in the user's language (months by name, euros on
 * the money axis, the language's decimal separator, every chart titled with units and its table), and a typical
 * call is logged from the 360° page in two clicks: "log", type what was said, save.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardAndLogFormJourneyTests {

    private static final String PASSWORD = "a-long-password";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int[][] SIZES = {{1280, 800}, {390, 844}};
    /** Counts the user's clicks across page loads of the tab (trusted events only: what the user did). */
    private static final String CLICK_COUNTER = """
            document.addEventListener('click', function (e) {
                if (e.isTrusted) {
                    sessionStorage.setItem('clicks', String(Number(sessionStorage.getItem('clicks') || 0) + 1));
                }
            }, true);""";

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
    User manager;
    User rep;
    final List<String> problems = new ArrayList<>();

    @BeforeAll
    void startBrowser() throws IOException {
        Files.createDirectories(HeadlessChromium.SCREENSHOTS);
        playwright = HeadlessChromium.playwright();
        browser = HeadlessChromium.launch(playwright);
        manager = users.create(TestData.unique("manager"), PASSWORD, "Julien Moreau " + TestData.unique(""),
                Role.MANAGER, Department.MANAGEMENT);
        rep = users.create(TestData.unique("sales"), PASSWORD, "Sophie Martin " + TestData.unique(""), Role.SALES,
                Department.SALES);
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

    @Test
    void theDashboardReadsInTheUsersLanguageOnALaptopAndAPhone() {
        Company company = clients.createCompany(TestData.company("Scierie " + TestData.unique(""), rep.id()),
                rep.asActor());
        LocalDate nextMonth = LocalDate.now(PARIS).withDayOfMonth(1).plusMonths(1);
        PipelineTestData.dashboardFunnel(opportunities, jdbc, company.id(), rep, nextMonth);
        String dashboard = "/pipeline/dashboard?from=2026-01-01&to=2026-03-31&owner=" + rep.id();

        for (int[] size : SIZES) {
            Page page = signIn(manager, size);
            page.navigate(base() + dashboard);
            assertThat(page.locator("#forecast-chart")).hasAttribute("style", Pattern.compile("width"));
            // what Chart.js drew: months by name, euros on the money axis, percentages, days with a comma
            assertThat(chartLabels(page, "forecast-chart", "x").getFirst()).matches("\\p{L}+\\.? \\d{4}");
            // (\h: the language's own spaces, no-break or narrow no-break)
            assertThat(chartLabels(page, "forecast-chart", "y")).anyMatch(tick -> tick.matches("20\\hk\\h€"))
                    .allMatch(tick -> tick.endsWith("€"));
            assertThat(axisTitle(page, "forecast-chart", "y")).isEqualTo("Montant (€)");
            assertThat(chartLabels(page, "conversion-chart", "x")).anyMatch(tick -> tick.matches("100\\h%"))
                    .allMatch(tick -> tick.matches("\\d+\\h%"));
            assertThat(axisTitle(page, "stage-time-chart", "x")).isEqualTo("Jours");
            assertThat(page.locator("#stage-time-title")).hasText("Temps moyen passé dans chaque étape");
            assertThat(page.locator("#stage-time-table")).containsText("4,5");
            HeadlessChromium.screenshot(page, "dashboard-" + size[0] + ".png");
            Axe.assertNoSeriousProblems(page, "the dashboard at " + size[0]);
            page.context().close();
        }
        Page english = signIn(manager, SIZES[0]);
        english.navigate(base() + dashboard + "&lang=en");
        assertThat(english.locator("#forecast-chart")).hasAttribute("style", Pattern.compile("width"));
        assertThat(chartLabels(english, "forecast-chart", "y")).contains("€20K");
        assertThat(english.locator("#stage-time-table")).containsText("4.5");
        HeadlessChromium.screenshot(english, "dashboard-1280-en.png");
        english.context().close();
        assertThat(problems).as("asset errors, console errors or CSP violations").isEmpty();
    }

    @Test
    void aTypicalCallIsLoggedFromThe360PageInTwoClicks() {
        for (int[] size : SIZES) {
            Company company = clients.createCompany(TestData.company("Boulangerie " + TestData.unique(""), rep.id()),
                    rep.asActor());
            // the company's only person
            clients.addContact(company.id(), TestData.person("Lucie", "Perrin", "lucie@pain.fr"));
            Page page = signIn(rep, size);
            // last time, this rep chose "Email" (on another device, say)
            jdbc.sql("insert into interaction_last_channel (user_id, channel, chosen_at) values (?, 'EMAIL', now()) "
                    + "on conflict (user_id) do update set channel = 'EMAIL'").param(rep.id()).update();
            page.navigate(base() + "/clients/" + company.id());
            page.evaluate("() => sessionStorage.setItem('clicks', '0')");

            page.locator("#log-interaction").click();
            assertThat(page.locator("#channel")).hasValue("EMAIL");
            assertThat(page.getByLabel("Lucie Perrin")).isChecked();
            assertThat(page.getByLabel("Neutre")).isChecked();
            assertThat(page.locator("#subject")).isFocused();
            HeadlessChromium.screenshot(page, "log-form-" + size[0] + ".png");
            Axe.assertNoSeriousProblems(page, "the log form at " + size[0]);
            page.keyboard().type("Confirme la commande de mardi");
            page.locator("#save-interaction").click();

            assertThat(page).hasURL(Pattern.compile("/clients/" + company.id() + "$"));
            assertThat(page.locator(".alert-success[role=status]")).hasText("Interaction consignée.");
            var newest = page.locator("#timeline .timeline-entry").first();
            assertThat(newest).containsText("Confirme la commande de mardi");
            assertThat(newest).containsText("Lucie Perrin");
            assertThat(newest).containsText("Email");
            assertThat(page.evaluate("() => sessionStorage.getItem('clicks')")).isEqualTo("2");
            HeadlessChromium.screenshot(page, "log-form-saved-" + size[0] + ".png");
            Axe.assertNoSeriousProblems(page, "the 360° page after logging at " + size[0]);
            page.context().close();
        }
        assertThat(problems).as("asset errors, console errors or CSP violations").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<String> chartLabels(Page page, String canvas, String axis) {
        return (List<String>) page.evaluate("([id, axis]) => Chart.getChart(document.getElementById(id))"
                + ".scales[axis].ticks.map(t => String(t.label))", List.of(canvas, axis));
    }

    private static String axisTitle(Page page, String canvas, String axis) {
        return (String) page.evaluate("([id, axis]) => Chart.getChart(document.getElementById(id))"
                + ".options.scales[axis].title.text", List.of(canvas, axis));
    }

    private Page signIn(User user, int[] size) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale("fr-FR").setTimezoneId("Europe/Paris").setViewportSize(size[0], size[1]));
        context.setDefaultTimeout(10_000);
        context.addInitScript(CLICK_COUNTER);
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
