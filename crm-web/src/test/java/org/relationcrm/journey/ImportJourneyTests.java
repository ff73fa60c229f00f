package org.relationcrm.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.relationcrm.dataimport.CsvLayout;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;
import org.relationcrm.testing.Workbooks;

/**
 * Import (issue 15), in headless Chromium, axe run at each step: the order desk brings in its old spreadsheet of
 * clients (Windows-1252, semicolons, some rows wrong) through the browser: upload, the columns guessed from the
 * headers, the preview with the errors, the run with its progress bar polled until done, the rejected rows
 * downloaded as a CSV with their reasons; then the orders of its old ERP, found on the client's page.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportJourneyTests {

    private static final String PASSWORD = "a-long-password";
    static final int ROWS = 3000;

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    JdbcClient jdbc;

    Playwright playwright;
    Browser browser;
    User adv;
    String tag;
    Path file;
    final List<String> problems = new ArrayList<>();

    @BeforeAll
    void startBrowserAndWriteTheFile() throws IOException {
        Files.createDirectories(HeadlessChromium.SCREENSHOTS);
        playwright = HeadlessChromium.playwright();
        browser = HeadlessChromium.launch(playwright);
        tag = TestData.unique("imp").replace("-", "");
        adv = users.create(TestData.unique("adv"), PASSWORD, "Agnès Lemoine " + tag, Role.ADV, Department.ADV);
        // every 100th row has no name, every 250th a SIRET too short: 30 + 12 - 6 (both) = 36 rows rejected; rows 1
        // and 2 are in the same city with similar names, rows 7 and 8 have the same phone: likely duplicates
        StringBuilder csv = new StringBuilder("Référence;Raison sociale;SIRET;Code postal;Ville;Téléphone\r\n");
        for (int i = 1; i <= ROWS; i++) {
            csv.append(tag).append('-').append(i).append(';')
                    .append(i % 100 == 0 ? "" : "Société d'Élevage " + tag + " " + i).append(';')
                    .append(i % 250 == 0 ? "123" : "").append(";49000;").append(i <= 2 ? "Angers" : "")
                    .append(";02 41 ").append(100_000 + (i == 8 ? 7 : i)).append("\r\n");
        }
        file = Files.createTempFile("anciens-clients", ".csv");
        Files.write(file, csv.toString().getBytes(CsvLayout.WINDOWS_1252));
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
    void theOrderDeskImportsItsOldSpreadsheetSeesTheProgressAndDownloadsTheRejectedRows() throws IOException {
        Page page = signIn(adv);
        page.locator("a.menu-link[href='/imports']").first().dispatchEvent("click");
        assertThat(page).hasURL(Pattern.compile("/imports$"));
        Axe.assertNoSeriousProblems(page, "the imports page");

        page.locator("#kind").selectOption("COMPANIES");
        page.locator("#file").setInputFiles(file);
        page.locator("#upload").click();

        assertThat(page).hasURL(Pattern.compile("/imports/\\d+/mapping$"));
        String job = page.url().replaceAll("/mapping$", "");
        assertThat(page.locator("#map-COMPANY_EXTERNAL_ID")).hasValue("0");
        assertThat(page.locator("#map-COMPANY_NAME")).hasValue("1");
        assertThat(page.locator("#map-COMPANY_LEGAL_ID")).hasValue("2");
        assertThat(page.locator("#map-COMPANY_CITY")).hasValue("4");
        assertThat(page.locator("#map-COMPANY_PHONE")).hasValue("5");
        HeadlessChromium.screenshot(page, "import-01-mapping-fr-1280.png");
        Axe.assertNoSeriousProblems(page, "the mapping form");
        page.locator("#templateName").fill("Ancien tableur " + tag);
        page.locator("#to-preview").click();

        assertThat(page).hasURL(Pattern.compile("/imports/\\d+/preview$"));
        assertThat(page.locator("#preview-table tbody tr")).hasCount(20);
        assertThat(page.locator("#preview-errors")).hasText(Pattern.compile("^Aucune erreur"));
        HeadlessChromium.screenshot(page, "import-02-preview-fr-1280.png");
        Axe.assertNoSeriousProblems(page, "the preview");
        page.locator("#run-import").click();

        assertThat(page).hasURL(job);
        assertThat(page.locator("#import-progress")).isVisible();
        HeadlessChromium.screenshot(page, "import-03-running-fr-1280.png");
        // htmx polls the progress every second until the run is over
        assertThat(page.locator("#import-state")).hasText("Terminé",
                new LocatorAssertions.HasTextOptions().setTimeout(60_000));
        assertThat(page.locator("#import-progress")).hasAttribute("value", "100");
        assertThat(page.locator("#import-counts")).containsText("3 000 sur 3 000 lignes traitées");
        assertThat(page.locator("#import-counts")).containsText("36 rejetées");
        assertThat(page.locator("#import-summary")).containsText("2 964 fiches créées");
        assertThat(page.locator("#import-summary")).containsText("4 doublons probables");
        assertThat(page.locator("#import-duplicates")).containsText("même téléphone");
        assertThat(page.locator("#rejected-table tbody tr").first()).containsText("Raison sociale : Ce champ est obligatoire.");
        HeadlessChromium.screenshot(page, "import-04-done-fr-1280.png");
        Axe.assertNoSeriousProblems(page, "the finished import");

        Download download = page.waitForDownload(() -> page.locator("#download-rejected").click());
        byte[] bytes = Files.readAllBytes(download.path());
        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines).hasSize(37);
        assertThat(lines.getFirst()).isEqualTo("Référence;Raison sociale;SIRET;Code postal;Ville;Téléphone;Ligne;Raison du rejet");
        assertThat(lines.get(1)).isEqualTo(tag + "-100;;;49000;;02 41 100100;101;Raison sociale : Ce champ est obligatoire.");
        assertThat(lines).anyMatch(l -> l.startsWith(tag + "-250;") && l.endsWith(";251;SIRET : Un SIREN a 9 chiffres, un SIRET 14."));
        assertThat(jdbc.sql("select count(*) from company where external_id like :tag").param("tag", tag + "-%")
                .query(Long.class).single()).isEqualTo(2964L);

        // the list of imports keeps it for later
        page.navigate(base() + "/imports");
        assertThat(page.locator("#imports-table")).containsText("Terminé");
        assertThat(problems).isEmpty();
    }

    @Test
    void anExcelWorkbookIsImportedLikeACsvAndTheClientsListDownloadedAsExcel() throws IOException {
        Path workbook = Files.createTempFile("clients", ".xlsx");
        Files.write(workbook, Workbooks.xlsx(List.of(Arrays.asList("Raison sociale", "Code postal", "Ville"),
                Arrays.asList("Brasserie " + tag, 49100, "Angers"), Arrays.asList("Cidrerie " + tag, 49400, null))));
        Page page = signIn(adv);
        page.navigate(base() + "/imports");
        page.locator("#kind").selectOption("COMPANIES");
        page.locator("#file").setInputFiles(workbook);
        page.locator("#upload").click();

        assertThat(page).hasURL(Pattern.compile("/imports/\\d+/mapping$"));
        assertThat(page.locator("#map-COMPANY_NAME")).hasValue("0");
        assertThat(page.locator("#map-COMPANY_POSTAL_CODE")).hasValue("1");
        page.locator("#to-preview").click();
        assertThat(page.locator("#preview-table tbody tr")).hasCount(2);
        assertThat(page.locator("#preview-table tbody tr").first()).containsText("49100");
        assertThat(page.locator("#preview-errors")).hasText(Pattern.compile("^Aucune erreur"));
        HeadlessChromium.screenshot(page, "import-05-xlsx-preview-fr-1280.png");

        page.navigate(base() + "/clients");
        HeadlessChromium.screenshot(page, "import-06-clients-exports-fr-1280.png");
        Download excel = page.waitForDownload(() -> page.locator("#export-clients-xlsx").click());
        assertThat(excel.suggestedFilename()).isEqualTo("liste-clients.xlsx");
        try (ReadableWorkbook book = new ReadableWorkbook(excel.path().toFile())) {
            List<Row> rows = book.getFirstSheet().read();
            assertThat(rows.getFirst().getCellText(1)).isEqualTo("Nom");
            assertThat(rows).hasSizeGreaterThan(1);
        }
        assertThat(problems).isEmpty();
    }

    /**
     * The order desk brings in its old ERP's orders (one row per order line, French dates and decimal commas, one
     * row naming a product the catalogue lacks): the columns guessed, the preview's error, the run, and the orders on
     * the client's 360° page, on its timeline, with their lines.
     */
    @Test
    void theOrderDeskImportsTheOrdersOfItsOldErpAndFindsThemOnTheClientsPage() throws IOException {
        String siren = String.valueOf(300_000_000 + java.util.concurrent.ThreadLocalRandom.current()
                .nextInt(600_000_000));
        long company = jdbc.sql("""
                        insert into company (name, legal_id, status, owner_id, created_at)
                        values (:name, :siren, 'CUSTOMER', :owner, now()) returning id""")
                .param("name", "Laiterie " + tag).param("siren", siren).param("owner", adv.id())
                .query(Long.class).single();
        String code = ("M" + tag).substring(0, 12).toUpperCase();
        jdbc.sql("insert into product_line (code, name) values (:code, :name)")
                .param("code", code).param("name", "Maintenance " + tag).update();
        String csv = "N° commande;Client;Date commande;Statut;Produit;Qté;PU HT;Livrée le\r\n"
                + "E" + tag + "-1;" + siren + ";12/01/2026;Livrée;" + code + ";2;1 250,50;16/01/2026\r\n"
                + "E" + tag + "-1;" + siren + ";12/01/2026;Livrée;Maintenance " + tag + ";1;99,90;16/01/2026\r\n"
                + "E" + tag + "-2;Laiterie " + tag + ";03/02/2026;Confirmée;" + code + ";1;500;\r\n"
                + "E" + tag + "-3;" + siren + ";04/02/2026;;Tondeuses;1;10;\r\n";
        Path orders = Files.createTempFile("commandes-erp", ".csv");
        Files.write(orders, csv.getBytes(CsvLayout.WINDOWS_1252));

        Page page = signIn(adv);
        page.navigate(base() + "/imports");
        page.locator("#kind").selectOption("ORDERS");
        page.locator("#file").setInputFiles(orders);
        page.locator("#upload").click();

        assertThat(page).hasURL(Pattern.compile("/imports/\\d+/mapping$"));
        assertThat(page.locator("#map-ORDER_REFERENCE")).hasValue("0");
        assertThat(page.locator("#map-ORDER_COMPANY")).hasValue("1");
        assertThat(page.locator("#map-ORDER_DATE")).hasValue("2");
        assertThat(page.locator("#map-ORDER_PRODUCT")).hasValue("4");
        assertThat(page.locator("#map-ORDER_UNIT_PRICE")).hasValue("6");
        assertThat(page.locator("#map-ORDER_DELIVERED_ON")).hasValue("7");
        HeadlessChromium.screenshot(page, "import-05-orders-mapping-fr-1280.png");
        Axe.assertNoSeriousProblems(page, "the orders' mapping form");
        page.locator("#to-preview").click();

        assertThat(page.locator("#preview-table tbody tr")).hasCount(4);
        assertThat(page.locator("#preview-table")).containsText("Aucune gamme du catalogue n'a le code ou le nom « Tondeuses ».");
        Axe.assertNoSeriousProblems(page, "the orders' preview");
        page.locator("#run-import").click();

        assertThat(page.locator("#import-state")).hasText("Terminé",
                new LocatorAssertions.HasTextOptions().setTimeout(60_000));
        assertThat(page.locator("#import-summary")).hasText("2 commandes créées, aucune mise à jour.");
        assertThat(page.locator("#rejected-table tbody tr")).hasCount(1);
        assertThat(page.locator("#rejected-table")).containsText("Produit : Aucune gamme du catalogue");
        HeadlessChromium.screenshot(page, "import-06-orders-done-fr-1280.png");
        Axe.assertNoSeriousProblems(page, "the finished orders' import");

        String number = jdbc.sql("select number from customer_order where external_id = :ref")
                .param("ref", "E" + tag + "-1").query(String.class).single();
        page.navigate(base() + "/clients/" + company);
        assertThat(page.locator("#orders")).containsText(number);
        assertThat(page.locator("#orders-figures")).isVisible();
        HeadlessChromium.screenshot(page, "import-07-orders-on-the-client-fr-1280.png");
        page.navigate(base() + "/clients/" + company + "/orders");
        assertThat(page.locator("body")).containsText(number);
        assertThat(jdbc.sql("""
                        select count(*) from interaction where company_id = :c and event_type = 'ORDER_PLACED'""")
                .param("c", company).query(Long.class).single()).isEqualTo(2L);
        assertThat(problems).isEmpty();
    }

    private Page signIn(User user) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale("fr-FR").setTimezoneId("Europe/Paris").setViewportSize(1280, 900).setAcceptDownloads(true));
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
