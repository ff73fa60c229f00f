package org.relationcrm.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.relationcrm.catalog.ProductLine;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.Contact;
import org.relationcrm.feedback.Complaint;
import org.relationcrm.feedback.ComplaintCategory;
import org.relationcrm.feedback.ComplaintService;
import org.relationcrm.feedback.NewComplaint;
import org.relationcrm.catalog.ProductLineAdmin;
import org.relationcrm.feedback.RootCause;
import org.relationcrm.feedback.Severity;
import org.relationcrm.feedback.SurveyService;
import org.relationcrm.pipeline.LostReason;
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
 * The 360° page of a client whose story holds every kind of event (a deal opened, moved, won with its care plan,
 * another lost; a complaint opened, escalated, resolved and closed; the CSAT survey sent and answered by a
 * detractor; a product line held), read in French and then in English in a real headless Chromium. Events are
 * stored as types and arguments: each language words them, with its own money format, and the English reader
 * finds no French word and no code in the timeline, the cards or "My day". What users typed (a deal's title, a
 * complaint's description) is theirs and is shown as typed.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelineInBothLanguagesJourneyTests {

    /** The app's clock (relation.time-zone): "today" is the app's day, whatever the JVM's zone. */
    @Autowired
    java.time.Clock clock;

    private static final String PASSWORD = "a-long-password";
    /** Words of the French interface that an English reader must not meet. */
    private static final List<String> FRENCH = List.of("Réclamation", "Enquête", "enquête", "Suivi", "gravité",
            "Gagnée", "Perdue", "Opportunité", "J+", "envoyée", "Rappeler", "Prospection", "Qualifiée", "Concurrent",
            "Livraison", "Haute", "Gamme détenue", "Gammes", "lien à transmettre", "Historique", "échéance", "aucune");
    /** Codes and machine formats: enum names, event types, a raw amount with its currency code. */
    private static final Pattern CODES = Pattern.compile("\\b(PROSPECTING|QUALIFIED|NEGOTIATION|WON|LOST|COMPETITOR"
            + "|DELIVERY|HIGH|EMAIL|LINK|OPPORTUNITY_\\w+|COMPLAINT_\\w+|SURVEY_\\w+|CARE_CHECK_IN|PRODUCT_LINE_\\w+)\\b"
            + "|\\d+\\.\\d{2} [A-Z]{3}|\\?\\?");

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    ClientService clients;
    @Autowired
    OpportunityService opportunities;
    @Autowired
    ComplaintService complaints;
    @Autowired
    SurveyService surveys;
    @Autowired
    ProductLineAdmin productLines;
    @Autowired
    JdbcClient jdbc;

    Playwright playwright;
    Browser browser;
    User sales;
    Company company;
    long complaintId;
    final List<String> problems = new ArrayList<>();
    final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeAll
    void aClientWithEveryKindOfEvent() throws IOException {
        Files.createDirectories(HeadlessChromium.SCREENSHOTS);
        playwright = HeadlessChromium.playwright();
        browser = HeadlessChromium.launch(playwright);

        String tag = UUID.randomUUID().toString().substring(0, 8);
        sales = users.create(TestData.unique("sales"), PASSWORD, "Sophie Martin " + tag, Role.SALES, Department.SALES);
        User support = users.create(TestData.unique("support"), PASSWORD, "Karim Benali " + tag, Role.SUPPORT,
                Department.SUPPORT);
        User adv = users.create(TestData.unique("adv"), PASSWORD, "Claire Dubois " + tag, Role.ADV, Department.ADV);
        User admin = users.create(TestData.unique("admin"), PASSWORD, "Admin " + tag, Role.ADMIN, Department.MANAGEMENT);
        company = clients.createCompany(TestData.company("Nordwind " + tag, sales.id()), sales.asActor());
        Contact anne = clients.addContact(company.id(), TestData.person("Anne", "Lemoine", "anne." + tag + "@client.example"));

        Opportunity fleet = open("Fleet 2027", "55300", anne);
        fleet = opportunities.moveTo(fleet.id(), fleet.version(), Stage.QUALIFIED,
                new NextStepPlan("Send the proposal", LocalDate.now(clock).plusDays(3)), null, null, sales.asActor());
        opportunities.moveTo(fleet.id(), fleet.version(), Stage.WON, null, null, null, sales.asActor());
        Opportunity spares = open("Spare parts", "8000", anne);
        opportunities.moveTo(spares.id(), spares.version(), Stage.LOST, null, LostReason.COMPETITOR,
                "Cheaper offer from Lindqvist", sales.asActor());

        Complaint complaint = complaints.open(new NewComplaint(company.id(), anne.id(), Channel.PHONE,
                ComplaintCategory.DELIVERY, Severity.HIGH, "Damaged pallets", "Pallets arrived damaged"), support.id(), support.asActor());
        complaintId = complaint.id();
        complaint = complaints.escalate(complaintId, complaint.version(), 1, "Third time this quarter", null,
                support.asActor());
        complaint = complaints.resolve(complaintId, complaint.version(), "Express redelivery", RootCause.DELAY, null,
                support.asActor());
        complaints.close(complaintId, complaint.version(), support.asActor()); // sends the CSAT survey
        String token = jdbc.sql("select token from survey where company_id = :c and kind = 'CSAT'")
                .param("c", company.id()).query(String.class).single();
        surveys.answer(token, 2, "Too slow"); // a dissatisfied answer: a call back for the owner
        jdbc.sql("update interaction set next_step_due = current_date where company_id = :c and event_type = 'SURVEY_ANSWERED'")
                .param("c", company.id()).update(); // due today, so that "My day" shows it

        ProductLine line = productLines.create("MNT" + tag.substring(0, 4).toUpperCase(), "Maintenance+", null,
                admin.asActor());
        productLines.hold(company.id(), line.id(), adv.asActor());
    }

    private Opportunity open(String title, String amount, Contact person) {
        return opportunities.open(company.id(), Stage.PROSPECTING,
                new OpportunityDetails(title, new BigDecimal(amount), "EUR", null, LocalDate.now(clock).plusMonths(2),
                        sales.id(), OpportunitySource.REFERRAL, Set.of(person.id()), Set.of()),
                new NextStepPlan("Call the buyer", LocalDate.now(clock).plusDays(5)), sales.asActor());
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
    void eachLanguageWordsTheEventsAndEnglishShowsNoFrenchAndNoCode() {
        Page page = signIn(sales);
        page.navigate(base() + "/clients/" + company.id());
        Locator timeline = page.locator("#timeline");
        assertThat(timeline).containsText("Fleet 2027 : Prospection → Qualifiée");
        assertThat(timeline).containsText("Send the proposal");
        assertThat(timeline).containsText("Spare parts — Concurrent");
        assertThat(timeline).containsText("Cheaper offer from Lindqvist");
        assertThat(timeline).containsText("Réclamation n° " + complaintId + " « Damaged pallets » : Livraison, gravité Haute");
        assertThat(timeline).containsText("Réclamation n° " + complaintId + " « Damaged pallets » escaladée au niveau 1");
        assertThat(timeline).containsText("Pallets arrived damaged");
        assertThat(timeline).containsText("Réponse à l'enquête CSAT : 2/5");
        assertThat(timeline).containsText("Rappeler Anne Lemoine : réponse CSAT 2/5");
        assertThat(timeline).containsText("Suivi après signature : point à J+90");
        assertThat(timeline).containsText("Point de suivi J+7 après la signature");
        assertThat(timeline).containsText("Gamme détenue : Maintenance+");
        assertThat(timeline.locator(".timeline-entry").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("Fleet 2027 — 55\\s300\\s€"))).first()).isVisible();
        assertThat(timeline.locator(".subject a").filter(new Locator.FilterOptions()
                .setHasText("Réclamation n° " + complaintId + " « Damaged pallets » résolue"))).hasAttribute("href", "/complaints/" + complaintId);
        HeadlessChromium.screenshot(page, "events-01-360-fr.png");

        page.navigate(base() + "/clients/" + company.id() + "?lang=en");
        assertThat(timeline).containsText("Fleet 2027: Prospecting → Qualified");
        assertThat(timeline).containsText("Spare parts — Competitor");
        assertThat(timeline).containsText("Complaint #" + complaintId + " “Damaged pallets”: Delivery, severity High");
        assertThat(timeline).containsText("Complaint #" + complaintId + " “Damaged pallets” escalated to level 1");
        assertThat(timeline).containsText("CSAT survey answer: 2/5");
        assertThat(timeline).containsText("Call Anne Lemoine back: CSAT answer 2/5");
        assertThat(timeline).containsText("Care after signature: check-in on day 90");
        assertThat(timeline).containsText("Check-in 7 days after signature");
        assertThat(timeline).containsText("Product line held: Maintenance+");
        assertThat(timeline.locator(".timeline-entry").filter(new Locator.FilterOptions()
                .setHasText("Fleet 2027 — €55,300")).first()).isVisible();
        String english = page.locator("main").innerText();
        assertThat(FRENCH).as("French words on the English 360° page").noneMatch(english::contains);
        assertThat(CODES.matcher(english).results().map(r -> r.group()).toList()).as("codes shown").isEmpty();
        HeadlessChromium.screenshot(page, "events-02-360-en.png");

        page.navigate(base() + "/");
        String myDay = page.locator("main").innerText();
        assertThat(myDay).contains("Call Anne Lemoine back: CSAT answer 2/5");
        assertThat(FRENCH).as("French words on the English My day").noneMatch(myDay::contains);
        assertThat(CODES.matcher(myDay).results().map(r -> r.group()).toList()).isEmpty();
        HeadlessChromium.screenshot(page, "events-03-myday-en.png");
        page.navigate(base() + "/?lang=fr");
        assertThat(page.locator("main")).containsText("Rappeler Anne Lemoine : réponse CSAT 2/5");

        assertThat(problems).as("asset errors, console errors or CSP violations").isEmpty();
    }

    private Page signIn(User user) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale("fr-FR").setTimezoneId("Europe/Paris").setViewportSize(1280, 900));
        context.setDefaultTimeout(10_000);
        contexts.add(context);
        Page page = context.newPage();
        HeadlessChromium.watch(page, base(), problems);
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
