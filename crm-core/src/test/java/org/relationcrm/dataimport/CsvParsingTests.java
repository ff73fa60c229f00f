package org.relationcrm.dataimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import org.relationcrm.client.CompanyStatus;
import org.relationcrm.dataimport.ImportRows.UserRef;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.RuleViolation;

class CsvParsingTests {

    static final UserRef ME = new UserRef(7, "adv", "adv@example.com", Department.ADV);
    static final UserRef REP = new UserRef(8, "jdupont", "jean.dupont@example.com", Department.SALES);

    @Test
    void aWindows1252FileWithSemicolonsIsReadWithItsAccents() throws Exception {
        byte[] file = "Raison sociale;SIREN;Ville\r\nCafé Étoile;552 100 554;Orléans\r\n"
                .getBytes(CsvLayout.WINDOWS_1252);

        List<List<String>> rows = read(file);

        assertThat(CsvLayout.detect(file, file.length))
                .isEqualTo(new CsvLayout(CsvLayout.WINDOWS_1252, false, ';'));
        assertThat(rows.get(1)).containsExactly("Café Étoile", "552 100 554", "Orléans");
    }

    @Test
    void aUtf8FileWithItsByteOrderMarkAndCommasIsRead() throws Exception {
        byte[] file = "\uFEFFname,city\n\"Dupont, fils\",Besançon\n".getBytes(StandardCharsets.UTF_8);

        CsvLayout layout = CsvLayout.detect(file, file.length);
        List<List<String>> rows = read(file);

        assertThat(layout).isEqualTo(new CsvLayout(StandardCharsets.UTF_8, true, ','));
        assertThat(rows.get(0)).containsExactly("name", "city");
        assertThat(rows.get(1)).containsExactly("Dupont, fils", "Besançon");
    }

    @Test
    void utf8WithoutByteOrderMarkIsStillUtf8() {
        byte[] file = "nom;ville\nÉlise;Nîmes\n".getBytes(StandardCharsets.UTF_8);

        assertThat(CsvLayout.detect(file, file.length).charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void frenchDatesWithOrWithoutTimeAndIsoDatesAreRead() {
        assertThat(CsvValues.dateTime("31/12/2025")).contains(LocalDateTime.of(2025, 12, 31, 0, 0));
        assertThat(CsvValues.dateTime("05/03/2026 14:30")).contains(LocalDateTime.of(2026, 3, 5, 14, 30));
        assertThat(CsvValues.dateTime("5/3/26 9h05")).contains(LocalDateTime.of(2026, 3, 5, 9, 5));
        assertThat(CsvValues.dateTime("2026-03-05T14:30:10")).contains(LocalDateTime.of(2026, 3, 5, 14, 30, 10));
        assertThat(CsvValues.dateTime("31/02/2026")).isEmpty();
        assertThat(CsvValues.dateTime("12/31/2025")).isEmpty();
        assertThat(CsvValues.dateTime("01/01/0001")).isEmpty();
        assertThat(CsvValues.dateTime("demain")).isEmpty();
    }

    @Test
    void decimalCommasAndThousandsSeparatorsAreRead() {
        assertThat(CsvValues.decimal("1 234,56")).contains(new BigDecimal("1234.56"));
        assertThat(CsvValues.decimal("1\u202F234,5 €")).contains(new BigDecimal("1234.5"));
        assertThat(CsvValues.decimal("1.234,5")).contains(new BigDecimal("1234.5"));
        assertThat(CsvValues.decimal("12,5")).contains(new BigDecimal("12.5"));
        assertThat(CsvValues.decimal("12.5")).contains(new BigDecimal("12.5"));
        assertThat(CsvValues.decimal("-3")).contains(new BigDecimal("-3"));
        assertThat(CsvValues.decimal("douze")).isEmpty();
        assertThat(CsvValues.decimal("1,2,3")).isEmpty();
    }

    @Test
    void theMappingIsGuessedFromFrenchAndEnglishHeaders() {
        ColumnMapping french = ColumnMapping.guess(ImportKind.COMPANIES,
                List.of("Réf.", "Raison sociale", "N° SIREN", "Code postal", "Ville", "Téléphone", "Commercial"));
        ColumnMapping english = ColumnMapping.guess(ImportKind.PEOPLE,
                List.of("First name", "Last name", "E-mail", "Company", "Mobile phone", "Job title"));

        assertThat(french.columns()).containsEntry(ImportField.COMPANY_EXTERNAL_ID, 0)
                .containsEntry(ImportField.COMPANY_NAME, 1).containsEntry(ImportField.COMPANY_LEGAL_ID, 2)
                .containsEntry(ImportField.COMPANY_POSTAL_CODE, 3).containsEntry(ImportField.COMPANY_CITY, 4)
                .containsEntry(ImportField.COMPANY_PHONE, 5).containsEntry(ImportField.COMPANY_OWNER, 6);
        assertThat(english.columns()).containsEntry(ImportField.PERSON_FIRST_NAME, 0)
                .containsEntry(ImportField.PERSON_LAST_NAME, 1).containsEntry(ImportField.PERSON_EMAIL, 2)
                .containsEntry(ImportField.PERSON_COMPANY, 3).containsEntry(ImportField.PERSON_MOBILE, 4)
                .containsEntry(ImportField.PERSON_JOB_TITLE, 5);
        assertThat(ColumnMapping.decode(french.encode())).isEqualTo(french);
    }

    @Test
    void aMappingWithoutTheRequiredFieldOrWithAColumnTwiceIsRefused() {
        ColumnMapping noName = new ColumnMapping(java.util.Map.of(ImportField.COMPANY_CITY, 0));
        ColumnMapping twice = new ColumnMapping(java.util.Map.of(ImportField.COMPANY_NAME, 0,
                ImportField.COMPANY_CITY, 0));
        ColumnMapping outside = new ColumnMapping(java.util.Map.of(ImportField.COMPANY_NAME, 5));

        assertThatThrownBy(() -> noName.check(ImportKind.COMPANIES, 2)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("import.mapping.required");
        assertThatThrownBy(() -> twice.check(ImportKind.COMPANIES, 2)).hasMessageContaining("import.mapping.columnTwice");
        assertThatThrownBy(() -> outside.check(ImportKind.COMPANIES, 2))
                .hasMessageContaining("import.mapping.noSuchColumn");
    }

    @Test
    void aCompanyRowIsCheckedByTheCompanysRulesEachErrorOnItsColumn() {
        List<String> headers = List.of("Nom", "SIREN", "Statut", "Commercial");
        ImportRows rows = new ImportRows(ImportKind.COMPANIES, ColumnMapping.guess(ImportKind.COMPANIES, headers),
                headers, List.of(ME, REP), ME, ZoneId.of("Europe/Paris"));

        ImportRows.Checked<?> good = rows.check(2, List.of("Café Étoile", "552 100 554 00012", "Client",
                "Jean.Dupont@example.com"));
        ImportRows.Checked<?> bad = rows.check(3, List.of("", "12345", "Peut-être", "inconnu"));

        assertThat(good.ok()).isTrue();
        ImportRows.CompanyRow company = (ImportRows.CompanyRow) good.row();
        assertThat(company.legalId()).isEqualTo("55210055400012");
        assertThat(company.status()).isEqualTo(CompanyStatus.CUSTOMER);
        assertThat(company.ownerId()).isEqualTo(8L);
        assertThat(bad.errors()).extracting(RowError::line, RowError::column, RowError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, "Statut", "import.error.choice"),
                org.assertj.core.groups.Tuple.tuple(3L, "Commercial", "import.error.user"),
                org.assertj.core.groups.Tuple.tuple(3L, "Nom", RuleViolation.REQUIRED));
        assertThat(rows.check(4, List.of("Café", "12345", "", "")).errors())
                .extracting(RowError::column, RowError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SIREN", "company.legalId.invalid"));
    }

    @Test
    void anInteractionRowReadsItsFrenchDateInTheCompanysZoneItsAuthorAndChannel() {
        List<String> headers = List.of("Date", "Auteur", "Canal", "SIREN", "Objet");
        ImportRows rows = new ImportRows(ImportKind.INTERACTIONS,
                ColumnMapping.guess(ImportKind.INTERACTIONS, headers), headers, List.of(ME, REP), ME,
                ZoneId.of("Europe/Paris"));

        ImportRows.Checked<?> good = rows.check(2, List.of("05/03/2026 14:30", "jdupont", "Téléphone",
                "552100554", "Relance devis"));
        ImportRows.Checked<?> bad = rows.check(3, List.of("32/03/2026", "jdupont", "pigeon", "552100554", ""));

        ImportRows.InteractionRow row = (ImportRows.InteractionRow) good.row();
        assertThat(row.occurredAt()).isEqualTo(java.time.Instant.parse("2026-03-05T13:30:00Z"));
        assertThat(row.authorId()).isEqualTo(8L);
        assertThat(row.authorDepartment()).isEqualTo(Department.SALES);
        assertThat(row.channel()).isEqualTo(Channel.PHONE);
        assertThat(bad.errors()).extracting(RowError::column, RowError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Date", "import.error.date"),
                org.assertj.core.groups.Tuple.tuple("Canal", "import.error.choice"),
                org.assertj.core.groups.Tuple.tuple("Objet", RuleViolation.REQUIRED));
    }

    private static List<List<String>> read(byte[] file) throws Exception {
        BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(file));
        CsvLayout layout = CsvReading.sniff(in);
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CsvReading.parser(in, layout)) {
            for (CSVRecord record : parser) {
                rows.add(CsvReading.cells(record));
            }
        }
        return rows;
    }
}
