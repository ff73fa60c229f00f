package org.relationcrm.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Set;
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
import org.relationcrm.pipeline.NextStepPlan;
import org.relationcrm.pipeline.Opportunity;
import org.relationcrm.pipeline.OpportunityDetails;
import org.relationcrm.pipeline.OpportunityService;
import org.relationcrm.pipeline.OpportunitySource;
import org.relationcrm.pipeline.Stage;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * A form sent with values it cannot take (a date in year 1, an amount "NaN") comes back in the browser with the
 * message under the field and what was typed, in French and in English. Screenshots: target/screenshots/malformed-*.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputJourneyTests {

    /** The app's clock (relation.time-zone): "today" is the app's day, whatever the JVM's zone. */
    @Autowired
    java.time.Clock clock;

    private static final String PASSWORD = "a-long-password";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    ClientService clients;
    @Autowired
    OpportunityService opportunities;

    Playwright playwright;
    Browser browser;
    User sales;
    Company company;
    Opportunity deal;

    @BeforeAll
    void start() throws IOException {
        Files.createDirectories(HeadlessChromium.SCREENSHOTS);
        playwright = HeadlessChromium.playwright();
        browser = HeadlessChromium.launch(playwright);
        sales = users.create(TestData.unique("sales"), PASSWORD, "Sophie Martin", Role.SALES, Department.SALES);
        company = clients.createCompany(TestData.company(TestData.unique("Fromagerie"), sales.id()), sales.asActor());
        deal = opportunities.open(company.id(), Stage.PROSPECTING,
                new OpportunityDetails("Cave d'affinage", new BigDecimal("12000"), "EUR", null,
                        LocalDate.now(clock).plusMonths(2), sales.id(), OpportunitySource.REFERRAL, Set.of(), Set.of()),
                new NextStepPlan("Appeler", LocalDate.now(clock).plusDays(3)), sales.asActor());
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
    void anInteractionDatedYearOneComesBackWithTheMessageInFrench() {
        Page page = signIn("fr-FR", "");
        page.navigate(base() + "/clients/" + company.id() + "/interactions/new");
        page.locator("#subject").fill("Appel du matin");
        page.locator("#occurredAt").fill("0001-01-01T10:00");
        page.locator("#save-interaction").click();
        assertThat(page.locator("#occurredAt + .invalid-feedback"))
                .hasText("Date hors de la plage acceptée : entre 1800 et 2199.");
        assertThat(page.locator("#subject")).hasValue("Appel du matin");
        HeadlessChromium.screenshot(page, "malformed-interaction-date-fr.png");
    }

    @Test
    void aDealAmountNaNComesBackWithTheMessageInEnglish() {
        Page page = signIn("en-GB", "?lang=en");
        page.navigate(base() + "/opportunities/" + deal.id() + "/edit");
        // The browser's number field would not let "NaN" through: the page is sent as a script could send it.
        page.locator("#amount").evaluate("field => field.type = 'text'");
        page.locator("#amount").fill("NaN");
        page.locator("#expectedCloseOn").fill("9999-12-31");
        page.locator("#opportunity-form button[type=submit]").click();
        assertThat(page.locator("#amount + .invalid-feedback"))
                .hasText("Invalid amount: a number such as 12500 or 12500.50.");
        assertThat(page.locator("#expectedCloseOn + .invalid-feedback"))
                .hasText("Date outside the accepted range: between 1800 and 2199.");
        assertThat(page.locator("#title")).hasValue("Cave d'affinage");
        HeadlessChromium.screenshot(page, "malformed-deal-amount-en.png");
    }

    @Test
    void aRuleOfTheInteractionItselfComesBackNextToItsFieldAndTheTooLongSearchStatesItsLimitForTheReader() {
        Page page = signIn("fr-FR", "");
        page.navigate(base() + "/clients/" + company.id() + "/interactions/new");
        page.locator("#subject").fill("Visite du chai");
        page.locator("#occurredAt").fill(LocalDate.now(clock).minusDays(1) + "T10:00");
        page.locator("#nextStepAction").fill("Envoyer le devis");
        page.locator("#nextStepDue").fill(LocalDate.now(clock).minusDays(5).toString());
        page.locator("#save-interaction").click();
        assertThat(page.locator("#nextStepDue + .invalid-feedback"))
                .hasText("L'échéance ne peut pas précéder l'interaction.");
        assertThat(page.locator("#nextStepAction")).hasValue("Envoyer le devis");
        HeadlessChromium.screenshot(page, "rule-interaction-next-step-fr.png");

        page.navigate(base() + "/clients?q=" + "x".repeat(1_001));
        assertThat(page.locator("body")).containsText("ne peut pas dépasser 1\u202f000 caractères");
        HeadlessChromium.screenshot(page, "rule-search-too-long-fr.png");
    }

    private Page signIn(String locale, String lang) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale(locale)
                .setTimezoneId("Europe/Paris").setViewportSize(1280, 900));
        context.setDefaultTimeout(10_000);
        Page page = context.newPage();
        page.navigate(base() + "/login" + lang);
        page.locator("#username").fill(sales.username());
        page.locator("#password").fill(PASSWORD);
        page.locator("form button[type=submit]").click();
        assertThat(page).hasURL(Pattern.compile(":" + port + "/$"));
        return page;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
