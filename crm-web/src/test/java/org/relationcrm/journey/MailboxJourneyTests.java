package org.relationcrm.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
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
import org.relationcrm.mailbox.EmailAddress;
import org.relationcrm.mailbox.IncomingEmail;
import org.relationcrm.mailbox.MailboxService;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * An email nobody could match, filed by a support agent from the menu's "Emails à classer": found by the client's
 * name, one of its people chosen, and then on the client's timeline; on a laptop and on a phone, axe run at each step.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailboxJourneyTests {

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
    MailboxService mailbox;

    Playwright playwright;
    Browser browser;
    User agent;
    Company company;
    String tag;
    final List<String> problems = new ArrayList<>();

    @BeforeAll
    void startBrowser() throws IOException {
        Files.createDirectories(HeadlessChromium.SCREENSHOTS);
        playwright = HeadlessChromium.playwright();
        browser = HeadlessChromium.launch(playwright);
        tag = TestData.unique("mb").replace("-", "");
        agent = users.create(TestData.unique("support"), PASSWORD, "Karim Benali " + tag, Role.SUPPORT,
                Department.SUPPORT);
        User sales = users.create(TestData.unique("sales"), PASSWORD, "Sophie Martin " + tag, Role.SALES,
                Department.SALES);
        company = clients.createCompany(TestData.company("Menuiserie Faure " + tag, sales.id()), sales.asActor());
        clients.addContact(company.id(), TestData.person("Louise", "Faure", "louise@" + tag + ".fr"));
        mailbox.receive(new IncomingEmail("<" + tag + "@gmail.test>",
                new EmailAddress("louise.faure." + tag + "@gmail.test", "Louise Faure"), List.of(), List.of(),
                "Commande de fenêtres " + tag, "Bonjour,\nJe vous écris de mon adresse personnelle : pouvez-vous "
                + "avancer la livraison des fenêtres à jeudi ?\nLouise", Instant.now().minusSeconds(3_600),
                List.of("plan cuisine.pdf")));
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
    void anAgentFilesAnUnmatchedEmailOnItsClientAndFindsItOnTheTimeline() {
        Page page = signIn(agent, LAPTOP);
        page.navigate(base() + "/clients");
        assertThat(page.locator("a.menu-link[href='/mailbox/unmatched']")).hasCount(1);
        page.navigate(base() + "/mailbox/unmatched");
        assertThat(page.locator("h1")).hasText("Emails à classer");
        var email = page.locator(".unmatched-email", new Page.LocatorOptions().setHasText("Commande de fenêtres " + tag));
        assertThat(email).containsText("Louise Faure <louise.faure." + tag + "@gmail.test>");
        assertThat(email).containsText("plan cuisine.pdf");
        HeadlessChromium.screenshot(page, "mailbox-01-queue-1280.png");
        Axe.assertNoSeriousProblems(page, "the queue of unmatched emails");

        email.locator(".assign-link").click();
        page.locator("#q").fill("Menuiserie Faure " + tag);
        page.locator("form[role=search] button[type=submit]").click();
        page.locator("a.candidate", new Page.LocatorOptions().setHasText("Menuiserie Faure " + tag)).click();
        assertThat(page.locator("#chosen-company")).hasText("Menuiserie Faure " + tag);
        page.locator("#contactId").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Louise Faure"));
        HeadlessChromium.screenshot(page, "mailbox-02-assign-1280.png");
        Axe.assertNoSeriousProblems(page, "the assign page, a client chosen");
        page.locator("#assign").click();

        assertThat(page).hasURL(Pattern.compile("/mailbox/unmatched$"));
        assertThat(page.locator(".alert-success[role=status]")).containsText("historique du client");
        assertThat(page.locator(".unmatched-email", new Page.LocatorOptions()
                .setHasText("Commande de fenêtres " + tag))).hasCount(0);

        page.navigate(base() + "/clients/" + company.id());
        assertThat(page.locator(".timeline-entry").first()).containsText("Commande de fenêtres " + tag);
        assertThat(page.locator(".timeline-entry").first()).containsText("plan cuisine.pdf");
        HeadlessChromium.screenshot(page, "mailbox-03-timeline-1280.png");
        page.context().close();

        Page phone = signIn(agent, PHONE);
        phone.navigate(base() + "/mailbox/unmatched");
        assertThat((Boolean) phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling on a phone").isTrue();
        HeadlessChromium.screenshot(phone, "mailbox-04-queue-390.png");
        Axe.assertNoSeriousProblems(phone, "the queue on a phone");
        phone.context().close();
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
