package org.relationcrm.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
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
 * "My day" as a to-do list in a real headless Chromium, on a laptop (1280×800) and on a phone (390×844): a sales
 * rep back from leave finds 36 follow-ups late, going back two years; marks one done in place (the page is not
 * reloaded, the list and the scroll stay), then selects every late one and moves them to tomorrow in one action.
 * Screenshots land in target/screenshots.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MyDayJourneyTests {

    private static final String PASSWORD = "a-long-password";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int BACKLOG = 36;

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    ClientService clients;
    @Autowired
    InteractionService interactions;

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

    @Test
    void aRepMarksOneFollowUpDoneInPlaceThenMovesTheWholeBacklogToTomorrowOnALaptop() {
        User rep = repWithBacklog();
        Page page = signIn(rep, 1280, 800);

        Locator overdue = page.locator("#overdue .due-step");
        assertThat(overdue).hasCount(BACKLOG);
        assertThat(page.locator("#overdue h2")).hasText("En retard (" + BACKLOG + ")");
        shot(page, "myday-01-backlog-1280.png");

        // one line, far down the list: marked done where it is
        page.evaluate("window.notReloaded = true");
        Locator line = page.locator("#overdue .due-step").filter(new Locator.FilterOptions().setHasText("Relance 20"));
        line.scrollIntoViewIfNeeded();
        double scrolled = ((Number) page.evaluate("window.scrollY")).doubleValue();
        assertThat(scrolled).as("the line is far down the page").isGreaterThan(800);
        line.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Marquer comme fait")).click();

        assertThat(page.locator("#myday-notice")).hasText("Un élément marqué comme fait.");
        assertThat(page.locator("#myday-notice")).isInViewport();
        assertThat(page.locator("#overdue .due-step")).hasCount(BACKLOG - 1);
        assertThat(page.locator("#overdue")).not().containsText("Relance 20");
        assertThat(page).hasURL(Pattern.compile(":" + port + "/$"));
        assertThat(page.evaluate("window.notReloaded")).as("the page was not reloaded").isEqualTo(true);
        double after = ((Number) page.evaluate("window.scrollY")).doubleValue();
        assertThat(Math.abs(after - scrolled)).as("the scroll position is kept").isLessThan(200);
        shot(page, "myday-02-done-in-place-1280.png");

        // the rest of the backlog, in one action: select all late, "Demain"
        Instant start = Instant.now();
        page.getByLabel("Tout sélectionner : en retard").check();
        assertThat(page.locator("#overdue input[name=item]:checked")).hasCount(BACKLOG - 1);
        page.locator("#myday-bulk").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Demain")).click();

        assertThat(page.locator("#myday-notice")).containsText((BACKLOG - 1) + " éléments reportés au");
        assertThat(page.locator("#overdue")).hasCount(0);
        assertThat(page.locator("#due-today .due-step")).hasCount(1);
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(60));
        assertThat(page.evaluate("window.notReloaded")).isEqualTo(true);
        shot(page, "myday-03-backlog-cleared-1280.png");

        // and after a reload, tomorrow is where they are: nothing late any more
        page.reload();
        assertThat(page.locator("#overdue")).hasCount(0);
        assertThat(problems).as("asset errors, console errors or CSP violations").isEmpty();
    }

    @Test
    void onAPhoneTheListAndItsActionsFitAndWork() {
        User rep = repWithBacklog();
        Page page = signIn(rep, 390, 844);
        shot(page, "myday-04-backlog-390.png");

        Locator line = page.locator("#overdue .due-step").nth(12);
        String action = line.locator("strong").innerText();
        line.scrollIntoViewIfNeeded();
        double scrolled = ((Number) page.evaluate("window.scrollY")).doubleValue();
        line.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Demain")).click();

        assertThat(page.locator("#myday-notice")).containsText("Un élément reporté au");
        assertThat(page.locator("#myday-notice")).isInViewport(); // the message floats in sight
        double after = ((Number) page.evaluate("window.scrollY")).doubleValue();
        assertThat(Math.abs(after - scrolled)).as("the scroll position is kept: " + scrolled + " → " + after)
                .isLessThan(200);
        shot(page, "myday-05-rescheduled-390.png");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Fermer ce message")).click();
        assertThat(page.locator("#myday-notice")).hasCount(0);
        assertThat(page.locator("#overdue .due-step")).hasCount(BACKLOG - 1);
        assertThat(page.locator("#work")).not().containsText(action);  // tomorrow: off the list of today
        int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        assertThat(width).as("nothing wider than the phone").isLessThanOrEqualTo(390);
        assertThat(problems).as("asset errors, console errors or CSP violations").isEmpty();
    }

    /** A rep with 36 follow-ups late, the oldest two years ago, and one due today. */
    private User repWithBacklog() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        User rep = users.create(TestData.unique("sales"), PASSWORD, "Sophie Martin " + tag, Role.SALES, Department.SALES);
        users.create(TestData.unique("adv"), PASSWORD, "Claire Dubois " + tag, Role.ADV, Department.ADV);
        Company company = clients.createCompany(TestData.company("Menuiserie Garnier " + tag, rep.id()), rep.asActor());
        LocalDate today = LocalDate.now(PARIS);
        for (int i = 0; i < BACKLOG; i++) {
            LocalDate due = today.minusDays(1 + i * 20L); // 1 day to about two years late
            follow(rep, company, "Relance " + i, due);
        }
        follow(rep, company, "Envoyer le devis signé", today);
        return rep;
    }

    /** What the user sees (the viewport), not the whole page. */
    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(HeadlessChromium.SCREENSHOTS.resolve(name)));
    }

    private void follow(User rep, Company company, String action, LocalDate due) {
        Instant occurred = due.atStartOfDay(PARIS).toInstant().minus(14, ChronoUnit.HOURS);
        interactions.log(new LogInteraction(company.id(), Set.of(), Channel.PHONE, Direction.OUTBOUND, occurred,
                "Appel", null, null, null, action, due), rep.asActor());
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
