package org.relationcrm.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
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
 * Two tabs on one record in a real headless Chromium, in French then English: the complaint resolved in one tab is
 * "already done" in the other; the person saved in one tab gives the conflict form, with the typed values kept, in
 * the other. The screenshots (target/screenshots/done-*.png) show the pages in the layout.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlreadyDoneAndConflictJourneyTests {

    private static final String PASSWORD = "a-long-password";

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
    User agent;
    Company company;
    final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeAll
    void startBrowser() throws IOException {
        Files.createDirectories(HeadlessChromium.SCREENSHOTS);
        playwright = HeadlessChromium.playwright();
        browser = HeadlessChromium.launch(playwright);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        User sales = users.create(TestData.unique("sales"), PASSWORD, "Sophie Martin " + tag, Role.SALES,
                Department.SALES);
        agent = users.create(TestData.unique("support"), PASSWORD, "Karim Benali " + tag, Role.SUPPORT,
                Department.SUPPORT);
        company = clients.createCompany(TestData.company("Transports " + tag, sales.id()), sales.asActor());
    }

    @AfterAll
    void stop() {
        contexts.forEach(BrowserContext::close);
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void aComplaintResolvedInOneTabIsAlreadyDoneInTheOther() {
        Page first = signIn(agent);
        Page second = first.context().newPage();
        for (String lang : List.of("fr", "en")) {
            Complaint complaint = complaints.open(new NewComplaint(company.id(), null, Channel.EMAIL,
                    ComplaintCategory.BILLING, Severity.MEDIUM, "Facture en double", "Facture en double"), agent.id(), agent.asActor());
            String url = base() + "/complaints/" + complaint.id() + "?lang=" + lang;
            first.navigate(url);
            second.navigate(url);
            for (Page tab : List.of(first, second)) {
                tab.locator("#resolution").fill("Avoir émis");
                tab.locator("#rootCause").selectOption("BILLING_ERROR");
            }
            first.locator("#resolve-form button[type=submit]").click();
            assertThat(first.locator("#complaint-status")).hasText(lang.equals("fr") ? "Résolue" : "Resolved");

            second.locator("#resolve-form button[type=submit]").click();
            assertThat(second.locator("#already-done")).isVisible();
            assertThat(second.locator("#already-done h1")).hasText(lang.equals("fr") ? "Déjà fait" : "Already done");
            assertThat(second.locator("#already-done")).containsText(lang.equals("fr") ? "Résolue" : "Resolved");
            assertThat(second.locator("#current-user")).isVisible(); // in the layout
            HeadlessChromium.screenshot(second, "done-complaint-" + lang + ".png");
        }
    }

    @Test
    void aPersonSavedInOneTabGivesTheConflictFormInTheOtherWithTheTypedValuesKept() {
        Page first = signIn(agent);
        Page second = first.context().newPage();
        for (String lang : List.of("fr", "en")) {
            Contact person = clients.addContact(company.id(), TestData.person("Anne", "Lemoine",
                    "anne." + lang + "@client.example"));
            String url = base() + "/contacts/" + person.id() + "/edit?lang=" + lang;
            first.navigate(url);
            second.navigate(url);
            first.locator("#lastName").fill("Vasseur");
            first.locator("#city").fill("Nantes");
            first.locator("main form[method=post] button[type=submit]").first().click();
            assertThat(first).not().hasURL(url);

            second.locator("#lastName").fill("Durand");
            second.locator("#city").fill("Lyon");
            second.locator("main form[method=post] button[type=submit]").first().click();
            assertThat(second.locator("#conflicts")).containsText("Vasseur");
            assertThat(second.locator("#conflicts")).containsText("Nantes");
            assertThat(second.locator("#lastName")).hasValue("Durand");
            assertThat(second.locator("#city")).hasValue("Lyon");
            HeadlessChromium.screenshot(second, "done-contact-conflict-" + lang + ".png");
        }
    }

    private Page signIn(User user) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale("fr-FR").setTimezoneId("Europe/Paris").setViewportSize(1280, 900));
        context.setDefaultTimeout(15_000);
        contexts.add(context);
        Page page = context.newPage();
        page.navigate(base() + "/login");
        page.getByLabel("Identifiant").fill(user.username());
        page.getByLabel("Mot de passe").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
        assertThat(page.locator("#current-user")).hasText(user.fullName());
        page.waitForLoadState(); // htmx wires its triggers once the deferred scripts ran
        return page;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
