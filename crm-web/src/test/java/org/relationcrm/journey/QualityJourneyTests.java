package org.relationcrm.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
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

import org.relationcrm.client.Civility;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Consent;
import org.relationcrm.client.ContactDetails;
import org.relationcrm.client.Company;
import org.relationcrm.client.CompanyDetails;
import org.relationcrm.client.CompanyStatus;
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
 * Data quality (issue 14), in headless Chromium with axe at each step: a manager creating a company with a SIREN
 * already held is refused, with a link to the holder; a similar name in the same city is warned about, and saved
 * anyway; the two records show on the possible duplicates; merged, the survivor's timeline holds both histories
 * and the merge itself (French and English), the old address leads to the survivor; the merge is undone; the
 * completeness trend and the rep's least complete clients on the data-quality page.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QualityJourneyTests {

    private static final String PASSWORD = "a-long-password";

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
    User sales;
    User manager;
    String tag;
    String siren;
    Company original;
    final List<String> problems = new ArrayList<>();

    @BeforeAll
    void startBrowser() throws IOException {
        Files.createDirectories(HeadlessChromium.SCREENSHOTS);
        playwright = HeadlessChromium.playwright();
        browser = HeadlessChromium.launch(playwright);
        tag = TestData.unique("q").replace("-", "").substring(0, 7);
        siren = Long.toString(ThreadLocalRandom.current().nextLong(300_000_000L, 999_999_999L));
        sales = users.create(TestData.unique("sales"), PASSWORD, "Sophie Martin " + tag, Role.SALES, Department.SALES);
        manager = users.create(TestData.unique("manager"), PASSWORD, "Julien Moreau " + tag, Role.MANAGER,
                Department.MANAGEMENT);
        original = clients.createCompany(new CompanyDetails("Charpentes Vasseur " + tag, siren, "Charpente", null,
                "12 rue Nationale", "37400", "Amboise", "France", null, "02 47 00 11 22", CompanyStatus.CUSTOMER,
                sales.id(), null), sales.asActor());
        call(original.id(), "Devis escalier " + tag);
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
    void anExistingSirenIsRefusedASimilarNameIsWarnedAboutAndTheTwoRecordsAreMergedThenTheMergeUndone() {
        Page page = signIn(manager);

        // 1. The same SIREN (as a SIRET of another establishment): refused, with a link to the company holding it.
        page.navigate(base() + "/clients/new");
        page.locator("#name").fill("Vasseur Charpentes Amboise " + tag);
        page.locator("#legalId").fill(siren.substring(0, 3) + " " + siren.substring(3, 6) + " " + siren.substring(6) + " 00021");
        page.locator("#city").fill("Amboise");
        page.locator("form button[type=submit].btn-primary").click();
        assertThat(page.locator("#legalId + .invalid-feedback, .invalid-feedback").first())
                .containsText("Ce SIREN appartient déjà à Charpentes Vasseur " + tag);
        assertThat(page.locator("#siren-holder")).hasAttribute("href", "/clients/" + original.id());
        assertThat(page.locator("#save-anyway")).hasCount(0); // no "create anyway" for a SIREN
        HeadlessChromium.screenshot(page, "quality-01-siren-refused-fr.png");
        Axe.assertNoSeriousProblems(page, "the company form refusing a SIREN already held");

        // 2. No SIREN, a similar name in the same city, the same phone: warned before saving, with links; saved anyway.
        page.locator("#legalId").fill("");
        page.locator("#name").fill("Charpentes Vasseurr " + tag);
        page.locator("#phone").fill("+33 2 47 00 11 22");
        page.locator("form button[type=submit].btn-primary").click();
        Locator warning = page.locator("#duplicates");
        assertThat(warning).containsText("Doublon possible");
        assertThat(warning.locator("a[href='/clients/" + original.id() + "']")).hasText("Charpentes Vasseur " + tag);
        assertThat(warning).containsText("nom proche, même ville");
        assertThat(warning).containsText("même téléphone");
        HeadlessChromium.screenshot(page, "quality-02-duplicate-warning-fr.png");
        Axe.assertNoSeriousProblems(page, "the company form warning about a likely duplicate");
        page.locator("#save-anyway").click();
        assertThat(page).hasURL(Pattern.compile("/clients/\\d+$"));
        long copyId = idIn(page.url());
        assertThat(copyId).isNotEqualTo(original.id());
        call(copyId, "Réclamation livraison " + tag);

        // 3. The possible duplicates: the pair is there once the list is searched again.
        page.navigate(base() + "/duplicates");
        page.locator("form[action='/duplicates/refresh'] button").click();
        assertThat(page.locator(".alert-success[role=status]")).hasText("La liste des doublons possibles est à jour.");
        Locator pair = page.locator("#duplicate-pairs .duplicate-pair").filter(
                new Locator.FilterOptions().setHasText("Charpentes Vasseurr " + tag));
        assertThat(pair).hasCount(1);
        assertThat(pair).containsText("même téléphone");
        HeadlessChromium.screenshot(page, "quality-03-duplicates-fr.png");
        Axe.assertNoSeriousProblems(page, "the possible duplicates");

        // 4. The merge: the first record is kept; the copy's name is not taken, its phone is the same anyway.
        pair.locator(".merge-link").click();
        assertThat(page.locator("#merge-fields")).containsText("Charpentes Vasseurr " + tag);
        assertThat(page.locator("#take-NAME")).not().isChecked();
        HeadlessChromium.screenshot(page, "quality-04-merge-form-fr.png");
        Axe.assertNoSeriousProblems(page, "the merge form");
        page.locator("#confirm-merge").click();
        assertThat(page).hasURL(base() + "/clients/" + original.id());
        assertThat(page.locator(".alert-success[role=status]")).containsText("Fiches fusionnées");
        Locator timeline = page.locator("#timeline");
        assertThat(timeline).containsText("Devis escalier " + tag);
        assertThat(timeline).containsText("Réclamation livraison " + tag);
        assertThat(timeline).containsText("La fiche Charpentes Vasseurr " + tag + " (n° " + copyId
                + ") a été fusionnée dans celle-ci");
        assertThat(timeline).containsText(manager.fullName());
        HeadlessChromium.screenshot(page, "quality-05-survivor-timeline-fr.png");
        Axe.assertNoSeriousProblems(page, "the survivor's record after the merge");
        page.navigate(base() + "/clients/" + original.id() + "?lang=en");
        assertThat(timeline).containsText("The record Charpentes Vasseurr " + tag + " (no. " + copyId
                + ") was merged into this one");
        HeadlessChromium.screenshot(page, "quality-06-survivor-timeline-en.png");
        page.navigate(base() + "/duplicates?lang=en");
        assertThat(page.locator("#recent-merges")).containsText("Charpentes Vasseurr " + tag);
        HeadlessChromium.screenshot(page, "quality-07-duplicates-en.png");
        Axe.assertNoSeriousProblems(page, "the possible duplicates in English");
        page.navigate(base() + "/?lang=fr");

        // 5. The old address leads to the survivor.
        page.navigate(base() + "/clients/" + copyId);
        assertThat(page).hasURL(base() + "/clients/" + original.id());

        // 6. Undone: each record has its own story back.
        page.navigate(base() + "/duplicates");
        page.locator("#recent-merges li").filter(new Locator.FilterOptions().setHasText("Charpentes Vasseurr " + tag))
                .locator(".undo-merge").click();
        assertThat(page).hasURL(base() + "/clients/" + copyId);
        assertThat(page.locator(".alert-success[role=status]")).containsText("Fusion annulée");
        assertThat(timeline).containsText("Réclamation livraison " + tag);
        assertThat(timeline).not().containsText("Devis escalier " + tag);
        HeadlessChromium.screenshot(page, "quality-08-undone-fr.png");
        page.navigate(base() + "/clients/" + original.id());
        assertThat(timeline).containsText("Devis escalier " + tag);
        assertThat(timeline).not().containsText("Réclamation livraison " + tag);

        // 7. The manager's data quality: the completeness measured now, the rep's least complete clients listed.
        page.navigate(base() + "/data-quality");
        page.locator("form[action='/data-quality/snapshot'] button").click();
        assertThat(page.locator(".alert-success[role=status]")).hasText("Complétude mesurée.");
        assertThat(page.locator("#completeness-trend")).containsText("Équipe");
        assertThat(page.locator("#completeness-trend")).containsText(sales.fullName());
        assertThat(page.locator("#least-complete")).containsText("Charpentes Vasseur " + tag);
        assertThat(page.locator("#to-duplicates")).hasAttribute("href", "/duplicates");
        HeadlessChromium.screenshot(page, "quality-09-data-quality-fr.png");
        Axe.assertNoSeriousProblems(page, "the data quality page");

        assertThat(problems).as("asset errors, console errors or CSP violations").isEmpty();
    }

    @Test
    void twoRecordsOfOnePersonTypedBySalesAndSupportAreMergedAndTheSurvivorsTimelineHoldsBothHistories() {
        // a name and a city no other test uses: CompanyFormTests creates "Menuiserie Caron" in Tours, which a similar
        // name there would turn into a duplicate warning
        Company company = clients.createCompany(new CompanyDetails("Ébénisterie Morel " + tag, null, "Menuiserie", null,
                null, null, "Vierzon", "France", null, null, CompanyStatus.CUSTOMER, sales.id(), null), sales.asActor());
        // sales typed her first (she accepts no calls), support typed her again (accepting calls, a mobile)
        long bySales = clients.addContact(company.id(), new ContactDetails(Civility.MRS, "Claire", "Fontaine" + tag,
                null, "Acheteuse", "claire@caron-" + tag + ".fr", null, null, null, Channel.EMAIL, "fr", null, null,
                null, new Consent(true, false, false, false))).id();
        long bySupport = clients.addContact(company.id(), new ContactDetails(Civility.MRS, "claire", "FONTAINE" + tag,
                null, null, "Claire@Caron-" + tag + ".fr", null, "06 70 00 11 22", null, Channel.PHONE, "fr", null,
                "Appeler après 14 h", null, new Consent(true, true, false, false))).id();
        interactions.log(new LogInteraction(company.id(), java.util.Set.of(bySales), Channel.EMAIL, Direction.OUTBOUND,
                Instant.now().minusSeconds(7200), "Offre châssis " + tag, null, null, null, null, null), sales.asActor());
        interactions.log(new LogInteraction(company.id(), java.util.Set.of(bySupport), Channel.PHONE, Direction.INBOUND,
                Instant.now().minusSeconds(3600), "Panne ponceuse " + tag, null, null, null, null, null),
                sales.asActor());
        Page page = signIn(manager);

        // 1. The pair shows in the people's section once the list is searched again: the same email.
        page.navigate(base() + "/duplicates");
        page.locator("form[action='/duplicates/refresh'] button").click();
        Locator pair = page.locator("#person-pairs .person-pair").filter(
                new Locator.FilterOptions().setHasText("Ébénisterie Morel " + tag));
        assertThat(pair).hasCount(1);
        assertThat(pair).containsText("même e-mail");
        HeadlessChromium.screenshot(page, "quality-10-person-duplicates-fr.png");
        Axe.assertNoSeriousProblems(page, "the possible duplicates with people");

        // 2. The form: the mobile the kept record lacks is ticked; taking the calls' consent over a refusal is said
        pair.locator(".person-merge-link").click();
        assertThat(page.locator("#take-MOBILE")).isChecked();
        assertThat(page.locator("#take-CONSENT_PHONE")).not().isChecked();
        assertThat(page.locator("#warn-CONSENT_PHONE")).containsText("la fiche gardée refuse ce canal");
        HeadlessChromium.screenshot(page, "quality-11-person-merge-form-fr.png");
        Axe.assertNoSeriousProblems(page, "the merge form of two people");
        page.locator("#confirm-merge").click();

        // 3. The survivor's page: both histories, the merge with who did it; the old address leads here.
        assertThat(page).hasURL(base() + "/contacts/" + bySales);
        Locator timeline = page.locator("#timeline");
        assertThat(timeline).containsText("Offre châssis " + tag);
        assertThat(timeline).containsText("Panne ponceuse " + tag);
        assertThat(timeline).containsText("(n° " + bySupport + ") a été fusionnée dans celle-ci");
        assertThat(timeline).containsText(manager.fullName());
        HeadlessChromium.screenshot(page, "quality-12-person-survivor-fr.png");
        Axe.assertNoSeriousProblems(page, "the survivor's person page after the merge");
        page.navigate(base() + "/contacts/" + bySales + "?lang=en");
        assertThat(timeline).containsText("(no. " + bySupport + ") was merged into this one");
        page.navigate(base() + "/?lang=fr");
        page.navigate(base() + "/contacts/" + bySupport);
        assertThat(page).hasURL(base() + "/contacts/" + bySales);
        page.navigate(base() + "/clients/" + company.id());
        assertThat(page.locator("#timeline")).containsText("(n° " + bySupport + ") a été fusionnée dans celle-ci");

        // 4. Undone: each record has its own story back.
        page.navigate(base() + "/duplicates");
        page.locator("#recent-person-merges li").filter(new Locator.FilterOptions().setHasText("(n° " + bySupport + ")"))
                .locator(".undo-person-merge").click();
        assertThat(page).hasURL(base() + "/contacts/" + bySupport);
        assertThat(timeline).containsText("Panne ponceuse " + tag);
        assertThat(timeline).not().containsText("Offre châssis " + tag);

        assertThat(problems).as("asset errors, console errors or CSP violations").isEmpty();
    }

    private void call(long companyId, String subject) {
        interactions.log(new LogInteraction(companyId, null, Channel.PHONE, Direction.INBOUND,
                Instant.now().minusSeconds(3600), subject, null, null, null, null, null), sales.asActor());
    }

    private static long idIn(String url) {
        Matcher m = Pattern.compile("/clients/(\\d+)").matcher(url);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private Page signIn(User user) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale("fr-FR").setTimezoneId("Europe/Paris").setViewportSize(1280, 900));
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
