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
 * Reading a long history in a real headless Chromium, on a laptop and on a phone: the timeline says how many
 * entries it holds, opens with the 25 newest and loads 50 more per step, finds words in the client's history as
 * they are typed, jumps to a month, and keeps all that in the page's address (reload, back and a shared link).
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelineSearchJourneyTests {

    private static final String PASSWORD = "a-long-password";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int MONTHS = 40; // one call a week-ish: 3 per month over 40 months

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

    User rep;
    Company company;

    @BeforeAll
    void startBrowserAndFillAHistory() throws IOException {
        Files.createDirectories(HeadlessChromium.SCREENSHOTS);
        playwright = HeadlessChromium.playwright();
        browser = HeadlessChromium.launch(playwright);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        rep = users.create(TestData.unique("sales"), PASSWORD, "Sophie Martin " + tag, Role.SALES, Department.SALES);
        company = clients.createCompany(TestData.company("Fromagerie Bernard " + tag, rep.id()), rep.asActor());
        LocalDate firstOfThisMonth = LocalDate.now(PARIS).withDayOfMonth(1);
        for (int m = 0; m < MONTHS; m++) {
            LocalDate month = firstOfThisMonth.minusMonths(m + 1); // whole months, all in the past
            for (int n = 0; n < 3; n++) {
                boolean delivery = m == 14 && n == 1 || m == 30 && n == 2;
                interactions.log(new LogInteraction(company.id(), Set.of(), n == 0 ? Channel.EMAIL : Channel.PHONE,
                        Direction.OUTBOUND, month.plusDays(2 + n * 7).atTime(10, 0).atZone(PARIS).toInstant(),
                        delivery ? "Retard de livraison" : "Point mensuel " + month + " n° " + n,
                        delivery ? "Le camion n'est pas passé, le client attend sa livraison." : "Rien à signaler.",
                        null, null, null, null), rep.asActor());
            }
        }
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
    void aRepCountsPagesSearchesAndJumpsToAMonthAndTheAddressKeepsItOnALaptop() {
        Page page = signIn(1280, 800);
        page.navigate(base() + "/clients/" + company.id());
        Locator entries = page.locator("#timeline .timeline-entry");

        assertThat(page.locator("#timeline-count")).hasText(MONTHS * 3 + " entrées");
        assertThat(entries).hasCount(InteractionService.PAGE_SIZE);
        page.locator("#load-more").click();
        assertThat(entries).hasCount(InteractionService.PAGE_SIZE + InteractionService.NEXT_PAGE_SIZE);
        Axe.assertNoSeriousProblems(page, "timeline, 75 entries");
        shot(page, "timeline-01-count-and-more-1280.png");

        // words typed in the search: the list narrows as they are typed, and the address follows
        page.getByLabel("Rechercher dans l'historique").pressSequentially("livraison", new Locator.PressSequentiallyOptions().setDelay(30));
        assertThat(page.locator("#timeline-count")).hasText(Pattern.compile("^\\s*2 entrées correspondent"));
        assertThat(entries).hasCount(2);
        assertThat(entries.first().locator(".subject")).hasText("Retard de livraison");
        assertThat(page).hasURL(Pattern.compile("/clients/" + company.id() + "\\?q=livraison$"));
        shot(page, "timeline-02-search-1280.png");

        // a reload (or the link sent to a colleague) shows the same thing
        page.reload();
        assertThat(page.getByLabel("Rechercher dans l'historique")).hasValue("livraison");
        assertThat(entries).hasCount(2);

        // a month, a year and a half ago: its entries first, then older ones
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Effacer les filtres")).click();
        assertThat(entries).hasCount(InteractionService.PAGE_SIZE);
        LocalDate month = LocalDate.now(PARIS).withDayOfMonth(1).minusMonths(18);
        page.getByLabel("Aller au mois").fill(month.toString().substring(0, 7));
        assertThat(page).hasURL(Pattern.compile("month=" + month.toString().substring(0, 7)));
        assertThat(entries.first().locator(".subject")).hasText("Point mensuel " + month + " n° 2");
        assertThat(page.locator("#timeline-count")).containsText("et d'avant");
        shot(page, "timeline-03-month-1280.png");

        // back: the whole history, then the search again
        page.goBack();
        assertThat(page).hasURL(Pattern.compile("/clients/" + company.id() + "#timeline$"));
        assertThat(page.getByLabel("Aller au mois")).hasValue("");
        assertThat(entries).hasCount(InteractionService.PAGE_SIZE);
        page.goBack();
        assertThat(page).hasURL(Pattern.compile("\\?q=livraison$"));
        assertThat(entries).hasCount(2);
        assertThat(problems).as("asset errors, console errors or CSP violations").isEmpty();
    }

    @Test
    void onAPhoneTheFiltersFitAndTheSearchWorks() {
        Page page = signIn(390, 844);
        page.navigate(base() + "/clients/" + company.id() + "?q=LIVRAISON#timeline");
        Locator entries = page.locator("#timeline .timeline-entry");
        assertThat(entries).hasCount(2);
        assertThat(page.locator("#timeline-count")).hasText(Pattern.compile("^\\s*2 entrées correspondent"));
        int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        assertThat(width).as("nothing wider than the phone").isLessThanOrEqualTo(390);
        Axe.assertNoSeriousProblems(page, "timeline search on a phone");
        page.locator("#timeline").scrollIntoViewIfNeeded();
        shot(page, "timeline-04-search-390.png");
        assertThat(problems).as("asset errors, console errors or CSP violations").isEmpty();
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(HeadlessChromium.SCREENSHOTS.resolve(name)));
    }

    private Page signIn(int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale("fr-FR").setTimezoneId("Europe/Paris").setViewportSize(width, height));
        context.setDefaultTimeout(10_000);
        contexts.add(context);
        Page page = context.newPage();
        HeadlessChromium.watch(page, base(), problems);
        page.navigate(base() + "/login");
        page.getByLabel("Identifiant").fill(rep.username());
        page.getByLabel("Mot de passe").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
        assertThat(page).hasURL(Pattern.compile(":" + port + "/$"));
        return page;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
