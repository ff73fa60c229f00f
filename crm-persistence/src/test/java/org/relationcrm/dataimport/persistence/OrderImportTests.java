package org.relationcrm.dataimport.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.relationcrm.dataimport.CsvLayout;
import org.relationcrm.dataimport.DuplicateHit;
import org.relationcrm.dataimport.ImportJob;
import org.relationcrm.dataimport.ImportKind;
import org.relationcrm.dataimport.ImportService;
import org.relationcrm.dataimport.ImportState;
import org.relationcrm.dataimport.ImportStore;
import org.relationcrm.dataimport.RowError;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.ForbiddenActionException;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * Orders from an old ERP's export, run for real: one row per order line, French dates and decimal commas, statuses
 * replayed by the aggregate, bad rows kept with their column and reason, the same file again updating the orders;
 * the orders feed what an order placed by hand feeds (timeline, KPI rollups, held product lines). And the people an
 * import creates that look like people already there, by the data-quality rules.
 */
@SpringBootTest
class OrderImportTests {

    @Autowired ImportService imports;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    private static final String HEADER =
            "N° commande;Client;Date commande;Statut;Conditions de paiement;Produit;Qté;PU HT;Remise;Montant HT;"
                    + "Livrée le;Date facture;Payée\r\n";

    @Test
    void ordersOfAnErpExportAreCreatedThenUpdatedByTheSameFileAndFeedTheTimelineTheRollupsAndTheHeldLines()
            throws Exception {
        User adv = TestData.user(users, Role.ADV, Department.ADV);
        Actor me = adv.asActor();
        String tag = TestData.unique("Ord");
        String siren = String.valueOf(100_000_000 + java.util.concurrent.ThreadLocalRandom.current()
                .nextInt(899_999_999));
        runToTheEnd(ImportKind.COMPANIES, ("Nom;SIREN\nForges " + tag + ";" + siren + "\n")
                .getBytes(StandardCharsets.UTF_8), me);
        long company = jdbc.sql("select id from company where siren = :s").param("s", siren).query(Long.class)
                .single();
        String codeA = ("A" + tag.substring(4)).toUpperCase();
        long lineA = productLine(codeA, "Maintenance " + tag);
        long lineB = productLine("B" + tag.substring(4), "Formation " + tag);
        String a = "T" + tag + "-1";
        String b = "T" + tag + "-2";
        String csv = HEADER
                + a + ";" + siren + ";15/01/2025;Livrée;30 jours;" + codeA.toLowerCase() + ";2;1 234,50;;2 469,00;20/01/2025;;non\r\n"
                + a + ";" + siren + ";15/01/2025;Livrée;30 jours;FORMATION " + tag.toUpperCase() + ";1;99,90;10;89,91;20/01/2025;;non\r\n"
                + b + ";forges " + tag.toUpperCase() + ";03/02/2025;;45 jours fin de mois;" + codeA + ";3;100;;;05/02/2025;10/02/2025;oui\r\n"
                + "T" + tag + "-3;Inconnue SARL;03/02/2025;;;" + codeA + ";1;10;;;;;\r\n"
                + "T" + tag + "-4;" + siren + ";31/02/2025;;;" + codeA + ";1;10;;;;;\r\n"
                + "T" + tag + "-5;" + siren + ";03/02/2025;;;Inconnu;1;10;;;;;\r\n"
                + "T" + tag + "-6;" + siren + ";03/02/2025;;;" + codeA + ";2;10,00;;25,00;;;\r\n";

        ImportJob first = runToTheEnd(ImportKind.ORDERS, csv.getBytes(CsvLayout.WINDOWS_1252), me);

        assertThat(first.state()).isEqualTo(ImportState.DONE);
        assertThat(first).extracting(ImportJob::rowsDone, ImportJob::rowsRejected, ImportJob::rowsCreated,
                ImportJob::rowsUpdated).containsExactly(7L, 4L, 2L, 0L);
        Map<String, Object> orderA = order(a);
        assertThat(orderA).containsEntry("company_id", company).containsEntry("status", "DELIVERED")
                .containsEntry("payment_terms", "NET_30").containsEntry("currency", "EUR")
                .containsEntry("ordered_on", Date.valueOf("2025-01-15"))
                .containsEntry("promised_on", Date.valueOf("2025-01-15"))
                .containsEntry("shipped_on", Date.valueOf("2025-01-15"))
                .containsEntry("delivered_on", Date.valueOf("2025-01-20"))
                .containsEntry("invoice_number", null).containsEntry("created_by", adv.id());
        assertThat((BigDecimal) orderA.get("total")).isEqualByComparingTo("2558.91");
        assertThat((String) orderA.get("number")).matches("CMD-2025-\\d{6,}");
        assertThat(jdbc.sql("""
                        select product_line_id, quantity, unit_price, discount_percent from order_line
                         where order_id = :id order by position""").param("id", orderA.get("id")).query().listOfRows())
                .extracting(r -> r.get("product_line_id"), r -> r.get("quantity"),
                        r -> ((BigDecimal) r.get("unit_price")).toPlainString(),
                        r -> ((BigDecimal) r.get("discount_percent")).toPlainString())
                .containsExactly(tuple(lineA, 2, "1234.50", "0.00"), tuple(lineB, 1, "99.90", "10.00"));
        Map<String, Object> orderB = order(b);
        assertThat(orderB).containsEntry("company_id", company).containsEntry("status", "PAID")
                .containsEntry("payment_terms", "NET_45_END_OF_MONTH")
                .containsEntry("invoiced_on", Date.valueOf("2025-02-10"))
                .containsEntry("invoice_due_on", Date.valueOf("2025-03-31"))
                .containsEntry("paid_on", Date.valueOf("2025-02-10"))
                .containsEntry("invoice_number", "FAC" + ((String) orderB.get("number")).substring(3));
        assertThat((BigDecimal) orderB.get("total")).isEqualByComparingTo("300.00");

        List<ImportStore.Rejected> rejected = new ArrayList<>();
        imports.rejected(first.id(), me, rejected::add);
        assertThat(rejected).extracting(ImportStore.Rejected::line, r -> r.errors().getFirst().column(),
                        r -> r.errors().getFirst().code(), r -> r.errors().getFirst().args())
                .containsExactly(
                        tuple(5L, "Client", "import.error.clientNotFound", List.of("Inconnue SARL")),
                        tuple(6L, "Date commande", "import.error.day", List.of("31/02/2025")),
                        tuple(7L, "Produit", "import.error.productNotFound", List.of("Inconnu")),
                        tuple(8L, "Montant HT", "import.error.amount", List.of("20.00")));

        // fed as an order placed by hand: on the timeline (on its date), in the KPI rollups, the lines held
        assertThat(placedEvents(company)).extracting(r -> r.get("ref_id"), r -> r.get("author_id"),
                        r -> ((java.sql.Timestamp) r.get("occurred_at")).toInstant(), r -> r.get("args"))
                .containsExactlyInAnyOrder(
                        tuple(orderA.get("id"), adv.id(),
                                LocalDate.of(2025, 1, 15).atStartOfDay(clock.getZone()).toInstant(),
                                "{\"amount\": \"2558.91\", \"number\": \"" + orderA.get("number")
                                        + "\", \"currency\": \"EUR\"}"),
                        tuple(orderB.get("id"), adv.id(),
                                LocalDate.of(2025, 2, 3).atStartOfDay(clock.getZone()).toInstant(),
                                "{\"amount\": \"300.00\", \"number\": \"" + orderB.get("number")
                                        + "\", \"currency\": \"EUR\"}"));
        assertThat(revenue(adv.id(), "2025-01-01")).isEqualByComparingTo("2558.91");
        assertThat(revenue(adv.id(), "2025-02-01")).isEqualByComparingTo("300.00");
        assertThat(jdbc.sql("""
                        select product_line_id, source, since from customer_product_line where company_id = :c
                         order by product_line_id""").param("c", company).query().listOfRows())
                .extracting(r -> r.get("product_line_id"), r -> r.get("source"), r -> r.get("since"))
                .containsExactly(tuple(lineA, "ORDER", Date.valueOf("2025-01-20")),
                        tuple(lineB, "ORDER", Date.valueOf("2025-01-20")));

        // the same file, the first order now of one line of 3: updated, not placed twice
        String again = HEADER
                + a + ";" + siren + ";15/01/2025;Livrée;30 jours;" + codeA + ";3;1 234,50;;3 703,50;20/01/2025;;non\r\n"
                + b + ";forges " + tag + ";03/02/2025;;45 jours fin de mois;" + codeA + ";3;100;;;05/02/2025;10/02/2025;oui\r\n";
        ImportJob second = runToTheEnd(ImportKind.ORDERS, again.getBytes(CsvLayout.WINDOWS_1252), me);

        assertThat(second).extracting(ImportJob::rowsDone, ImportJob::rowsRejected, ImportJob::rowsCreated,
                ImportJob::rowsUpdated).containsExactly(2L, 0L, 0L, 2L);
        assertThat(jdbc.sql("select count(*) from customer_order where company_id = :c").param("c", company)
                .query(Long.class).single()).isEqualTo(2L);
        Map<String, Object> updated = order(a);
        assertThat(updated).containsEntry("number", orderA.get("number"))
                .containsEntry("version", (Long) orderA.get("version") + 1);
        assertThat((BigDecimal) updated.get("total")).isEqualByComparingTo("3703.50");
        assertThat(jdbc.sql("select count(*) from order_line where order_id = :id").param("id", orderA.get("id"))
                .query(Long.class).single()).isEqualTo(1L);
        assertThat(placedEvents(company)).hasSize(2);
        assertThat(revenue(adv.id(), "2025-01-01")).isEqualByComparingTo("3703.50");
    }

    @Test
    void aBatchNeverSplitsAnOrderAndARowOfAnOrderWrittenByAnEarlierBatchIsRefused() throws Exception {
        Actor me = TestData.user(users, Role.ADV, Department.ADV).asActor();
        String tag = TestData.unique("Bat");
        String siren = String.valueOf(100_000_000 + java.util.concurrent.ThreadLocalRandom.current()
                .nextInt(899_999_999));
        runToTheEnd(ImportKind.COMPANIES, ("Nom;SIREN\nBatch " + tag + ";" + siren + "\n")
                .getBytes(StandardCharsets.UTF_8), me);
        String code = ("S" + tag.substring(4)).toUpperCase();
        productLine(code, "Service " + tag);
        StringBuilder csv = new StringBuilder("N° commande;Client;Date commande;Produit;Qté;PU HT\n");
        for (int i = 0; i <= 998; i++) { // lines 2 to 1000: one row each
            csv.append(tag).append('-').append(i).append(';').append(siren).append(";05/05/2025;").append(code)
                    .append(";1;10\n");
        }
        for (int l = 1; l <= 3; l++) { // lines 1001 to 1003: the 1 000th row of the batch is this order's first
            csv.append(tag).append("-999;").append(siren).append(";05/05/2025;").append(code).append(';').append(l)
                    .append(";10\n");
        }
        csv.append(tag).append("-0;").append(siren).append(";05/05/2025;").append(code).append(";4;10\n");

        ImportJob job = runToTheEnd(ImportKind.ORDERS, csv.toString().getBytes(StandardCharsets.UTF_8), me);

        assertThat(job).extracting(ImportJob::rowsDone, ImportJob::rowsCreated, ImportJob::rowsRejected)
                .containsExactly(1003L, 1000L, 1L);
        assertThat((BigDecimal) order(tag + "-999").get("total")).isEqualByComparingTo("60.00");
        assertThat((BigDecimal) order(tag + "-0").get("total")).isEqualByComparingTo("10.00");
        List<ImportStore.Rejected> rejected = new ArrayList<>();
        imports.rejected(job.id(), me, rejected::add);
        assertThat(rejected).singleElement().satisfies(r -> assertThat(r.errors())
                .extracting(RowError::line, RowError::column, RowError::code)
                .containsExactly(tuple(1004L, "N° commande", "import.error.orderRowsApart")));
    }

    @Test
    void ordersAreImportedOnlyByWhoeverMayManageThem() {
        Actor manager = TestData.user(users, Role.MANAGER, Department.SALES).asActor();

        assertThatThrownBy(() -> imports.upload(ImportKind.ORDERS, "orders.csv",
                new ByteArrayInputStream((HEADER + "1;2;3;;;;;;;;;;\r\n").getBytes(StandardCharsets.UTF_8)), manager))
                .isInstanceOf(ForbiddenActionException.class);
        assertThat(imports.kinds(manager)).doesNotContain(ImportKind.ORDERS);
    }

    @Test
    void aPersonCreatedByAnImportWhoLooksLikeSomeoneOfTheSameCompanyIsReportedWithTheQualityRulesReasons()
            throws Exception {
        Actor me = TestData.user(users, Role.MANAGER, Department.SALES).asActor();
        String tag = TestData.unique("Dup");
        String siren = String.valueOf(100_000_000 + java.util.concurrent.ThreadLocalRandom.current()
                .nextInt(899_999_999));
        runToTheEnd(ImportKind.COMPANIES, ("Nom;SIREN\nDup " + tag + ";" + siren + "\n")
                .getBytes(StandardCharsets.UTF_8), me);
        runToTheEnd(ImportKind.PEOPLE, ("Prénom;Nom;Email;Téléphone;Société\n"
                + "Hélène;Dupont" + tag + ";helene." + tag + "@example.com;01 47 20 00 01;" + siren + "\n"
                + "Marc;Martin" + tag + ";marc." + tag + "@example.com;01 47 20 00 02;" + siren + "\n")
                .getBytes(StandardCharsets.UTF_8), me);
        long helene = person("helene." + tag + "@example.com");
        long marc = person("marc." + tag + "@example.com");

        ImportJob job = runToTheEnd(ImportKind.PEOPLE, ("Prénom;Nom;Email;Téléphone;Société\n"
                + "Helene;DUPONT" + tag + ";h.dupont." + tag + "@example.com;;" + siren + "\n"
                + "Paul;Personne" + tag + ";paul." + tag + "@example.com;+33 1 47 20 00 02;" + siren + "\n"
                + "Zoé;Zorro" + tag + ";zoe." + tag + "@example.com;01 99 99 99 99;" + siren + "\n")
                .getBytes(StandardCharsets.UTF_8), me);

        assertThat(job).extracting(ImportJob::rowsCreated, ImportJob::likelyDuplicates).containsExactly(3L, 2L);
        assertThat(imports.duplicates(job.id(), me, 20))
                .extracting(DuplicateHit::line, DuplicateHit::otherId, DuplicateHit::reason)
                .containsExactly(tuple(2L, helene, "SAME_NAME"), tuple(3L, marc, "PHONE"));
        assertThat(imports.duplicates(job.id(), me, 20).getFirst())
                .extracting(DuplicateHit::recordId, DuplicateHit::name, DuplicateHit::otherName)
                .containsExactly(person("h.dupont." + tag + "@example.com"), "Helene DUPONT" + tag,
                        "Hélène Dupont" + tag);
    }

    private long person(String email) {
        return jdbc.sql("select id from contact where email = lower(:e)").param("e", email).query(Long.class).single();
    }

    private long productLine(String code, String name) {
        return jdbc.sql("insert into product_line (code, name) values (:code, :name) returning id")
                .param("code", code).param("name", name).query(Long.class).single();
    }

    private Map<String, Object> order(String reference) {
        return jdbc.sql("select * from customer_order where external_id = :ref").param("ref", reference)
                .query().singleRow();
    }

    private List<Map<String, Object>> placedEvents(long company) {
        return jdbc.sql("""
                        select ref_id, author_id, occurred_at, event_args::text args from interaction
                         where company_id = :c and kind = 'EVENT' and event_type = 'ORDER_PLACED'""")
                .param("c", company).query().listOfRows();
    }

    private BigDecimal revenue(long ownerId, String month) {
        return jdbc.sql("select revenue from insight_order_rollup where owner_id = :o and month = cast(:m as date)")
                .param("o", ownerId).param("m", month).query(BigDecimal.class).single();
    }

    private ImportJob runToTheEnd(ImportKind kind, byte[] file, Actor me) throws InterruptedException {
        ImportJob job = imports.upload(kind, "test.csv", new ByteArrayInputStream(file), me);
        imports.run(job.id(), me);
        for (int i = 0; i < 200; i++) {
            ImportJob now = imports.get(job.id(), me);
            if (now.state().finished()) {
                return now;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import " + job.id() + " did not end");
    }
}
