package org.relationcrm.dataimport.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.relationcrm.dataimport.ImportJob;
import org.relationcrm.dataimport.ImportKind;
import org.relationcrm.dataimport.ImportService;
import org.relationcrm.dataimport.ImportService.PreviewRow;
import org.relationcrm.dataimport.ImportState;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.ImportRuns;
import org.relationcrm.testing.TestData;
import org.relationcrm.testing.Workbooks;
import org.relationcrm.testing.Workbooks.Formula;

/**
 * An Excel workbook imported through the service: its first sheet read as the CSV the rest of the import knows, with
 * dates, decimals, formulas (their saved values), empty cells and a row the importer rejects.
 */
@SpringBootTest
class XlsxImportTests {

    @Autowired ImportService imports;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    @Test
    void interactionsFromAWorkbookKeepTheirDatesDecimalsAndFormulaValuesAndABadRowIsRejectedOnItsSheetRow()
            throws Exception {
        User rep = TestData.user(users, Role.SALES, Department.SALES);
        Actor me = TestData.user(users, Role.ADV, Department.ADV).asActor();
        String tag = TestData.unique("Xlsx");
        long siren = 100_000_000L + java.util.concurrent.ThreadLocalRandom.current().nextInt(899_999_999);
        byte[] companies = Workbooks.xlsx(List.of(row("Nom", "SIREN"), row(tag, siren)));
        assertThat(runToTheEnd(ImportKind.COMPANIES, companies, me).rowsCreated()).isEqualTo(1);
        byte[] workbook = Workbooks.xlsx(List.of(
                row("Date", "Auteur", "Canal", "SIREN", "Objet", "Montant HT", "Montant TTC", "Remarque",
                        "Compte rendu"),
                row(LocalDateTime.of(2026, 3, 5, 14, 30), rep.username(), "Téléphone", siren, "Relance devis",
                        new BigDecimal("1234.56"), new Formula("F2*1.2", "1481.4720000000001"), null,
                        "Rappeler lundi"),
                row(LocalDate.of(2026, 3, 6), rep.username(), "Réunion", siren, "Visite usine",
                        0.1 + 0.2, new Formula("F3/0", "#DIV/0!"), null, null),
                row(new Formula("DATE(2026,2,31)+\"x\"", "#VALUE!"), rep.username(), "Téléphone", siren,
                        "Date fausse", 12, null, "à revoir", null)));

        ImportJob job = imports.upload(ImportKind.INTERACTIONS, "échanges.xlsx", new ByteArrayInputStream(workbook),
                me);

        assertThat(job.fileName()).isEqualTo("échanges.xlsx");
        assertThat(job.headers()).containsExactly("Date", "Auteur", "Canal", "SIREN", "Objet", "Montant HT",
                "Montant TTC", "Remarque", "Compte rendu");
        assertThat(job.totalRows()).isEqualTo(3);
        List<PreviewRow> preview = imports.preview(job.id(), me);
        assertThat(preview).extracting(PreviewRow::line, PreviewRow::cells).containsExactly(
                tuple(2L, List.of("2026-03-05T14:30", rep.username(), "Téléphone", String.valueOf(siren),
                        "Relance devis", "1234.56", "1481.472", "", "Rappeler lundi")),
                tuple(3L, List.of("2026-03-06", rep.username(), "Réunion", String.valueOf(siren), "Visite usine",
                        "0.3", "#DIV/0!", "", "")),
                tuple(4L, List.of("#VALUE!", rep.username(), "Téléphone", String.valueOf(siren), "Date fausse", "12",
                        "", "à revoir", "")));
        assertThat(preview.get(0).errors()).isEmpty();
        assertThat(preview.get(2).errors()).isNotEmpty();

        imports.run(job.id(), me);
        ImportJob done = ImportRuns.finished(imports, job.id(), me);
        assertThat(done).extracting(ImportJob::state, ImportJob::rowsCreated, ImportJob::rowsRejected)
                .containsExactly(ImportState.DONE, 2L, 1L);
        assertThat(imports.firstRejected(job.id(), me, 10)).singleElement()
                .satisfies(rejected -> assertThat(rejected.line()).isEqualTo(4L));
        assertThat(jdbc.sql("""
                        select i.occurred_at, i.author_id, i.channel, i.subject from interaction i
                          join company c on c.id = i.company_id where c.siren = :siren order by i.occurred_at""")
                .param("siren", String.valueOf(siren)).query().listOfRows())
                .extracting(r -> ((java.sql.Timestamp) r.get("occurred_at")).toInstant(), r -> r.get("author_id"),
                        r -> r.get("channel"), r -> r.get("subject"))
                .containsExactly(
                        tuple(LocalDateTime.of(2026, 3, 5, 14, 30).atZone(clock.getZone()).toInstant(), rep.id(),
                                "PHONE", "Relance devis"),
                        tuple(LocalDate.of(2026, 3, 6).atStartOfDay(clock.getZone()).toInstant(), rep.id(),
                                "MEETING", "Visite usine"));
    }

    @Test
    void aBrokenWorkbookAndAnOldXlsFileAreRefusedWithTheirReason() {
        Actor me = TestData.user(users, Role.ADV, Department.ADV).asActor();
        byte[] workbook = Workbooks.xlsx(List.of(row("Nom"), row("A")));
        byte[] broken = Arrays.copyOf(workbook, workbook.length / 2);
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};

        assertThatThrownBy(() -> imports.upload(ImportKind.COMPANIES, "x.xlsx", new ByteArrayInputStream(broken), me))
                .isInstanceOfSatisfying(RuleViolation.class, refused -> assertThat(refused.broken())
                        .extracting(RuleViolation.Broken::field, RuleViolation.Broken::code)
                        .containsExactly(tuple("file", "import.file.notXlsx")));
        assertThatThrownBy(() -> imports.upload(ImportKind.COMPANIES, "x.xls", new ByteArrayInputStream(xls), me))
                .isInstanceOfSatisfying(RuleViolation.class, refused -> assertThat(refused.broken())
                        .extracting(RuleViolation.Broken::field, RuleViolation.Broken::code)
                        .containsExactly(tuple("file", "import.file.oldExcel")));
        // a workbook of headers only is refused as the same CSV would be
        byte[] headersOnly = Workbooks.xlsx(List.of(row("Nom", "Ville")));
        assertThatThrownBy(() -> imports.upload(ImportKind.COMPANIES, "x.xlsx",
                new ByteArrayInputStream(headersOnly), me)).isInstanceOfSatisfying(RuleViolation.class,
                refused -> assertThat(refused.broken()).extracting(RuleViolation.Broken::code)
                        .containsExactly("import.file.noRows"));
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    private ImportJob runToTheEnd(ImportKind kind, byte[] file, Actor me) throws InterruptedException {
        ImportJob job = imports.upload(kind, "test.xlsx", new ByteArrayInputStream(file), me);
        imports.run(job.id(), me);
        return ImportRuns.finished(imports, job.id(), me);
    }
}
