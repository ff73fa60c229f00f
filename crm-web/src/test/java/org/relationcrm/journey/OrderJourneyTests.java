package org.relationcrm.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.math.BigDecimal;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.relationcrm.catalog.ProductLineAdmin;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.CompanyDetails;
import org.relationcrm.client.CompanyStatus;
import org.relationcrm.client.Contact;
import org.relationcrm.pipeline.NextStepPlan;
import org.relationcrm.pipeline.Opportunity;
import org.relationcrm.pipeline.OpportunityDetails;
import org.relationcrm.pipeline.OpportunityService;
import org.relationcrm.pipeline.Stage;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * The journey in a real headless Chromium: a sales rep wins a deal and passes its order to the order desk,
 * its lines filled in from the deal; ADV confirms it, ships it, marks it delivered after the promised date with an
 * incident, and invoices it (payable on receipt, so overdue at once). The client's 360° page shows the orders card
 * with the late delivery and the overdue invoice, the timeline the typed events, the churn risk their reasons; the
 * order desk's "My day" lists the overdue invoice. Screenshots at 1280×800 and 390×844, axe on each page.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderJourneyTests {

    private static final String PASSWORD = "a-long-password";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    ClientService clients;
    @Autowired
    OpportunityService opportunities;
    @Autowired
    ProductLineAdmin catalog;

    Playwright playwright;
    Browser browser;
    User sales;
    User adv;
    User admin;

    final List<String> problems = new ArrayList<>();
    final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeAll
    void startBrowser() throws IOException {
        Files.createDirectories(HeadlessChromium.SCREENSHOTS);
        playwright = HeadlessChromium.playwright();
        browser = HeadlessChromium.launch(playwright);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        sales = users.create(TestData.unique("sales"), PASSWORD, "Sophie Martin " + tag, Role.SALES, Department.SALES);
        adv = users.create(TestData.unique("adv"), PASSWORD, "Nadia Benali " + tag, Role.ADV, Department.ADV);
        admin = users.create(TestData.unique("admin"), PASSWORD, "Admin " + tag, Role.ADMIN, Department.MANAGEMENT);
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

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    @Test
    void aWonDealBecomesAnOrderThatTheOrderDeskDeliversLateAndInvoicesAndTheRecordShowsIt() {
        LocalDate today = LocalDate.now(PARIS);
        String companyName = "Scierie " + UUID.randomUUID().toString().substring(0, 8);
        Company company = clients.createCompany(new CompanyDetails(companyName, null, null, null, null, null,
                "Épinal", "France", null, null, CompanyStatus.CUSTOMER, sales.id(), null), sales.asActor());
        Contact buyer = clients.addContact(company.id(), TestData.person("Marc", "Lefèvre", "marc@scierie.fr"));
        String lineName = "Maintenance " + UUID.randomUUID().toString().substring(0, 4);
        long line = catalog.create(TestData.unique("M").substring(0, 8).toUpperCase(), lineName, null,
                admin.asActor()).id();
        Opportunity deal = opportunities.open(company.id(), Stage.NEGOTIATION,
                new OpportunityDetails("Contrat de maintenance des scies", new BigDecimal("12000"), "EUR", null,
                        today.plusDays(10), sales.id(), null, Set.of(buyer.id()), Set.of(line)),
                new NextStepPlan("Signature", today), sales.asActor());

        // The rep wins the deal...
        Page rep = signIn(sales, 1280, 800);
        rep.navigate(base() + "/opportunities/" + deal.id());
        rep.locator("#mark-won").click();
        rep.locator("#save-stage").click();
        assertThat(rep.locator("#opportunity-stage")).hasText("Gagnée");
        // ... and passes its order to the order desk: the person and the line come from the deal
        rep.locator("#create-order").click();
        assertThat(rep.locator("#from-deal")).containsText("Contrat de maintenance des scies");
        assertThat(rep.locator("#contactId")).hasValue(String.valueOf(buyer.id()));
        assertThat(rep.locator("#lines0\\.productLineId")).hasValue(String.valueOf(line));
        assertThat(rep.locator("#lines0\\.unitPrice")).hasValue("12000.00");
        // signed a month ago, promised for ten days ago, payable on receipt
        rep.locator("#orderedOn").fill(today.minusDays(30).toString());
        rep.locator("#promisedOn").fill(today.minusDays(20).toString());
        rep.locator("#paymentTerms").selectOption("ON_RECEIPT");
        screenshot(rep, "order-01-from-deal-1280.png");
        axe(rep, "the order form from a won deal");
        rep.locator("#save-order").click();
        assertThat(rep.locator(".alert-success[role=status]")).hasText("Commande enregistrée.");
        assertThat(rep.locator("#order-status")).hasText("Reçue");
        assertThat(rep.locator("#order-total")).containsText("12");
        String number = rep.locator("#order-number").textContent().replace("Commande ", "").strip();
        assertThat(number).matches("CMD-\\d{4}-\\d{6,}");
        // the rep reads the order, but moving it is the order desk's
        assertThat(rep.locator("#do-CONFIRMED")).hasCount(0);
        String orderUrl = rep.url();

        // The order desk finds it to confirm on its day, then moves it step by step.
        Page desk = signIn(adv, 1280, 800);
        assertThat(desk.locator("#orders-to-confirm")).containsText(number);
        desk.locator("#orders-to-confirm a", new Page.LocatorOptions().setHasText(number)).click();
        desk.locator("#do-CONFIRMED").click();
        assertThat(desk.locator("#order-status")).hasText("Confirmée");
        desk.locator("#step-SHIPPED #on").fill(today.minusDays(25).toString());
        desk.locator("#do-SHIPPED").click();
        assertThat(desk.locator("#order-status")).hasText("Expédiée");
        screenshot(desk, "order-02-shipped-1280.png");
        axe(desk, "the order page");
        // delivered three days after the promised date, with an incident
        desk.locator("#step-DELIVERED #on").fill(today.minusDays(17).toString());
        desk.locator("#step-DELIVERED #incident").fill("Une palette livrée abîmée, remplacée le lendemain.");
        desk.locator("#do-DELIVERED").click();
        assertThat(desk.locator("#order-status")).hasText("Livrée");
        assertThat(desk.locator("#order-incident")).hasText("Une palette livrée abîmée, remplacée le lendemain.");
        desk.locator("#step-INVOICED #on").fill(today.minusDays(15).toString());
        desk.locator("#do-INVOICED").click();
        assertThat(desk.locator("#order-status")).hasText("Facturée");
        assertThat(desk.locator("#order-invoice")).containsText("échue depuis 15 jours");
        screenshot(desk, "order-03-invoiced-1280.png");

        // The 360° page: the orders card, the typed events on the timeline, the churn reasons.
        desk.navigate(base() + "/clients/" + company.id());
        assertThat(desk.locator("#orders")).containsText(number);
        assertThat(desk.locator("#orders-late")).hasText("1 livraison en retard (6 derniers mois)");
        assertThat(desk.locator("#orders-overdue")).hasText("1 facture échue non payée");
        Locator lateEntry = desk.locator("#timeline .timeline-entry")
                .filter(new Locator.FilterOptions().setHasText("Livraison en retard")).first();
        assertThat(lateEntry).containsText("Commande " + number + " livrée avec 3 jours de retard");
        assertThat(lateEntry.locator(".subject a")).hasAttribute("href", "/orders/"
                + orderUrl.substring(orderUrl.lastIndexOf('/') + 1));
        assertThat(desk.locator("#timeline")).containsText("Commande " + number + " facturée");
        assertThat(desk.locator("#timeline")).containsText("Commande " + number + " reçue");
        assertThat(desk.locator("#feedback-risk")).containsText("1 livraison en retard sur 6 mois");
        assertThat(desk.locator("#feedback-risk")).containsText("1 facture échue non payée");
        screenshot(desk, "order-04-record-1280.png");
        axe(desk, "the 360° page with orders");

        // The order desk's day: the overdue invoice, a link to the order.
        desk.navigate(base() + "/");
        assertThat(desk.locator("#invoices-overdue")).containsText(number);
        screenshot(desk, "order-05-my-day-1280.png");
        axe(desk, "the order desk's My day");

        // On a phone: the order and the record.
        Page phone = signIn(adv, 390, 844);
        phone.navigate(orderUrl);
        assertThat(phone.locator("#order-lines")).containsText(lineName);
        screenshot(phone, "order-06-order-390.png");
        axe(phone, "the order page on a phone");
        phone.navigate(base() + "/clients/" + company.id() + "/orders");
        assertThat(phone.locator("#orders-table")).containsText(number);
        screenshot(phone, "order-07-list-390.png");
        axe(phone, "the client's orders on a phone");
        phone.navigate(base() + "/clients/" + company.id());
        screenshot(phone, "order-08-record-390.png");

        assertThat(problems).as("asset errors, console errors or CSP violations").isEmpty();
    }

    private void axe(Page page, String where) {
        Axe.assertNoSeriousProblems(page, where);
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

    private static void screenshot(Page page, String name) {
        HeadlessChromium.screenshot(page, name);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
