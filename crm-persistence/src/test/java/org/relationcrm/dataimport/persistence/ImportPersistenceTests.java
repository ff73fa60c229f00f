package org.relationcrm.dataimport.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.relationcrm.dataimport.CsvLayout;
import org.relationcrm.dataimport.ImportJob;
import org.relationcrm.dataimport.ImportKind;
import org.relationcrm.dataimport.ImportService;
import org.relationcrm.dataimport.ImportState;
import org.relationcrm.dataimport.ImportStore;
import org.relationcrm.dataimport.RowError;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * Imports run for real: a Windows-1252 file with semicolons, French dates and errors; the good rows written, the
 * bad ones kept with their line, column and reason; the same file again updates instead of duplicating.
 */
@SpringBootTest
class ImportPersistenceTests {

    @Autowired ImportService imports;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;
    @Autowired java.time.Clock clock;

    /** Who hears that an import finished (the audit log will). */
    @org.springframework.boot.test.context.TestConfiguration
    static class Listener {
        static final java.util.List<org.relationcrm.dataimport.ImportFinished> HEARD =
                new java.util.concurrent.CopyOnWriteArrayList<>();

        @org.springframework.transaction.event.TransactionalEventListener
        void heard(org.relationcrm.dataimport.ImportFinished event) {
            HEARD.add(event);
        }
    }

    @Test
    void companiesFromAWindows1252FileAreCreatedThenUpdatedByTheSameFileAndBadRowsAreKeptWithTheirReason()
            throws Exception {
        User adv = TestData.user(users, Role.ADV, Department.ADV);
        User rep = TestData.user(users, Role.SALES, Department.SALES);
        Actor me = adv.asActor();
        String tag = TestData.unique("Imp");
        String siren = sirenFor(tag);
        String csv = "Réf;Raison sociale;SIREN;Ville;Statut;Commercial\r\n"
                + tag + "-1;Café " + tag + ";" + siren + ";Orléans;Client;" + rep.username() + "\r\n"
                + tag + "-2;;;Tours;Prospect;\r\n"
                + tag + "-3;Boulangerie " + tag + ";123;Blois;Peut-être;personne\r\n"
                + tag + "-4;Épicerie " + tag + ";;Nîmes;;\r\n";

        ImportJob first = runToTheEnd(ImportKind.COMPANIES, csv.getBytes(CsvLayout.WINDOWS_1252), me);

        assertThat(first.state()).isEqualTo(ImportState.DONE);
        for (int i = 0; i < 40 && Listener.HEARD.stream().noneMatch(e -> e.jobId() == first.id()); i++) {
            Thread.sleep(50); // heard right after the commit that the test saw
        }
        assertThat(Listener.HEARD).contains(new org.relationcrm.dataimport.ImportFinished(first.id(), adv.id(),
                ImportKind.COMPANIES, ImportState.DONE, 4, 2));
        // in the audit log as the importer's, and the companies' history of changes names them
        assertThat(jdbc.sql("select actor_id from audit_log where action = 'IMPORT' and subject = :s")
                .param("s", "#" + first.id()).query(Long.class).single()).isEqualTo(adv.id());
        assertThat(jdbc.sql("""
                        select distinct h.actor_id from change_history h join company c on c.id = h.record_id
                        where h.table_name = 'company' and c.external_id in (:a, :b)""")
                .param("a", tag + "-1").param("b", tag + "-4").query(Long.class).list()).containsExactly(adv.id());
        assertThat(first.layout().charset()).isEqualTo(CsvLayout.WINDOWS_1252);
        assertThat(first.layout().delimiter()).isEqualTo(';');
        assertThat(first).extracting(ImportJob::totalRows, ImportJob::rowsDone, ImportJob::rowsRejected,
                ImportJob::rowsCreated, ImportJob::rowsUpdated).containsExactly(4L, 4L, 2L, 2L, 0L);
        assertThat(jdbc.sql("select name, city, status, owner_id from company where external_id = :ext")
                .param("ext", tag + "-1").query().singleRow())
                .containsEntry("name", "Café " + tag).containsEntry("city", "Orléans")
                .containsEntry("status", "CUSTOMER").containsEntry("owner_id", rep.id());
        assertThat(jdbc.sql("select owner_id, status from company where external_id = :ext")
                .param("ext", tag + "-4").query().singleRow())
                .containsEntry("owner_id", adv.id()).containsEntry("status", "PROSPECT");
        List<ImportStore.Rejected> rejected = new ArrayList<>();
        imports.rejected(first.id(), me, rejected::add);
        assertThat(rejected).extracting(ImportStore.Rejected::line).containsExactly(3L, 4L);
        assertThat(rejected.get(0).cells()).containsExactly(tag + "-2", "", "", "Tours", "Prospect", "");
        assertThat(rejected.get(0).errors()).extracting(RowError::column, RowError::code)
                .containsExactly(tuple("Raison sociale", "NotBlank"));
        assertThat(rejected.get(1).errors()).extracting(RowError::column, RowError::code, RowError::args)
                .containsExactly(tuple("Statut", "import.error.choice", List.of("Peut-être")),
                        tuple("Commercial", "import.error.user", List.of("personne")),
                        tuple("SIREN", "company.legalId.invalid", List.of()));

        // the same file, fixed and changed: updated, not duplicated; a blank cell erases nothing
        String again = "Réf;Raison sociale;SIREN;Ville;Statut;Commercial\r\n"
                + tag + "-1;Café " + tag + " et fils;" + siren + ";;Ancien client;\r\n"
                + ";Autre nom " + tag + ";" + siren + ";Tours;;\r\n"
                + tag + "-4;Épicerie " + tag + ";;Nîmes;Client;\r\n";
        ImportJob second = runToTheEnd(ImportKind.COMPANIES, again.getBytes(CsvLayout.WINDOWS_1252), me);

        assertThat(second).extracting(ImportJob::rowsDone, ImportJob::rowsRejected, ImportJob::rowsCreated,
                ImportJob::rowsUpdated).containsExactly(3L, 0L, 0L, 3L);
        assertThat(jdbc.sql("select count(*) from company where name like :tag").param("tag", "%" + tag + "%")
                .query(Long.class).single()).isEqualTo(2L);
        assertThat(jdbc.sql("select name, city, status from company where external_id = :ext")
                .param("ext", tag + "-1").query().singleRow())
                .containsEntry("name", "Autre nom " + tag).containsEntry("city", "Tours")
                .containsEntry("status", "FORMER_CUSTOMER");
    }

    @Test
    void peopleFindTheirCompanyBySirenAreMatchedByEmailOnReimportAndAnUnknownCompanyIsARejectedRow()
            throws Exception {
        Actor me = TestData.user(users, Role.MANAGER, Department.SALES).asActor();
        String tag = TestData.unique("Ppl");
        String siren = sirenFor(tag);
        runToTheEnd(ImportKind.COMPANIES, ("name,legal id\n" + tag + " SA," + siren + "\n")
                .getBytes(StandardCharsets.UTF_8), me);
        String csv = "\uFEFFCivilité,Prénom,Nom,E-mail,Société,Fonction\n"
                + "Mme,Anne," + tag + ",Anne." + tag + "@Example.com," + siren + ",Achats\n"
                + "M.,Paul," + tag + ",paul." + tag + "@example.com,999999999,\n"
                + "M.,Léo," + tag + ",pas-un-email,,\n";

        ImportJob first = runToTheEnd(ImportKind.PEOPLE, csv.getBytes(StandardCharsets.UTF_8), me);
        ImportJob again = runToTheEnd(ImportKind.PEOPLE, csv.getBytes(StandardCharsets.UTF_8), me);

        assertThat(first).extracting(ImportJob::rowsCreated, ImportJob::rowsRejected).containsExactly(1L, 2L);
        assertThat(again).extracting(ImportJob::rowsCreated, ImportJob::rowsUpdated).containsExactly(0L, 1L);
        assertThat(jdbc.sql("""
                        select p.email, p.civility, p.primary_contact, c.name from contact p join company c on c.id = p.company_id
                         where p.last_name = :tag""").param("tag", tag).query().listOfRows())
                .singleElement().satisfies(row -> assertThat(row)
                        .containsEntry("email", "anne." + tag.toLowerCase() + "@example.com")
                        .containsEntry("civility", "MRS").containsEntry("primary_contact", true)
                        .containsEntry("name", tag + " SA"));
        List<ImportStore.Rejected> rejected = new ArrayList<>();
        imports.rejected(first.id(), me, rejected::add);
        assertThat(rejected).extracting(r -> r.line(), r -> r.errors().getFirst().code()).containsExactly(
                tuple(3L, "import.error.companyNotFound"), tuple(4L, "Email"));
    }

    @Test
    void interactionsWithFrenchDatesAndAuthorsByEmailLandOnTheTimelineOnceEvenImportedTwice() throws Exception {
        User rep = TestData.user(users, Role.SALES, Department.SALES);
        Actor me = TestData.user(users, Role.ADV, Department.ADV).asActor();
        String tag = TestData.unique("Int");
        String siren = sirenFor(tag);
        runToTheEnd(ImportKind.COMPANIES, ("Nom;SIREN\n" + tag + ";" + siren + "\n").getBytes(StandardCharsets.UTF_8),
                me);
        String csv = "Date;Auteur;Canal;SIREN;Objet;Compte rendu\n"
                + "05/03/2026 14:30;" + rep.username() + ";Téléphone;" + siren + ";Relance devis;Rappeler lundi\n"
                + "06/03/2026;" + rep.username() + ";Réunion;" + siren + ";Visite usine;\n"
                + "31/02/2026;" + rep.username() + ";Téléphone;" + siren + ";Date fausse;\n";

        ImportJob first = runToTheEnd(ImportKind.INTERACTIONS, csv.getBytes(StandardCharsets.UTF_8), me);
        ImportJob again = runToTheEnd(ImportKind.INTERACTIONS, csv.getBytes(StandardCharsets.UTF_8), me);

        assertThat(first).extracting(ImportJob::rowsCreated, ImportJob::rowsRejected).containsExactly(2L, 1L);
        assertThat(again).extracting(ImportJob::rowsCreated, ImportJob::rowsUpdated).containsExactly(0L, 2L);
        assertThat(jdbc.sql("""
                        select i.occurred_at, i.author_id, i.author_department, i.channel from interaction i
                          join company c on c.id = i.company_id where c.siren = :siren order by i.occurred_at""")
                .param("siren", siren).query().listOfRows())
                .extracting(r -> ((java.sql.Timestamp) r.get("occurred_at")).toInstant(), r -> r.get("author_id"),
                        r -> r.get("author_department"), r -> r.get("channel"))
                .containsExactly(
                        tuple(java.time.LocalDateTime.of(2026, 3, 5, 14, 30).atZone(clock.getZone()).toInstant(),
                                rep.id(), "SALES", "PHONE"),
                        tuple(java.time.LocalDate.of(2026, 3, 6).atStartOfDay(clock.getZone()).toInstant(),
                                rep.id(), "SALES", "MEETING"));
    }

    private ImportJob runToTheEnd(ImportKind kind, byte[] file, Actor me) throws InterruptedException {
        ImportJob job = imports.upload(kind, "test.csv", new ByteArrayInputStream(file), me);
        imports.run(job.id(), me);
        return org.relationcrm.testing.ImportRuns.finished(imports, job.id(), me);
    }

    /** A SIREN of nine digits from the tag's digits, unique per test run. */
    private static String sirenFor(String tag) {
        return String.valueOf(100_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(899_999_999));
    }
}
