package org.relationcrm.dataimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class XlsxReadingTests {

    @Test
    void numbersAreWrittenAsASpreadsheetShowsThemWithoutFloatNoiseOrExponent() {
        assertThat(XlsxReading.plain(new BigDecimal("0.30000000000000004"))).isEqualTo("0.3");
        assertThat(XlsxReading.plain(new BigDecimal("1481.4720000000001"))).isEqualTo("1481.472");
        assertThat(XlsxReading.plain(new BigDecimal("1.2E+7"))).isEqualTo("12000000");
        assertThat(XlsxReading.plain(new BigDecimal("33612345678"))).isEqualTo("33612345678");
        assertThat(XlsxReading.plain(new BigDecimal("-0.000"))).isEqualTo("0");
        assertThat(XlsxReading.plain(new BigDecimal("12.50"))).isEqualTo("12.5");
        // what the importer then reads back as a decimal
        assertThat(CsvValues.decimal(XlsxReading.plain(new BigDecimal("1234.5600000000002"))))
                .contains(new BigDecimal("1234.56"));
    }

    @Test
    void dateFormatsAreTheBuiltInOnesAndCustomOnesWithADayMonthYearOrHour() {
        assertThat(XlsxReading.isDateFormat(14, null)).isTrue();
        assertThat(XlsxReading.isDateFormat(22, null)).isTrue();
        assertThat(XlsxReading.isDateFormat(164, "dd/mm/yyyy")).isTrue();
        assertThat(XlsxReading.isDateFormat(165, "[$-40C]d mmmm yyyy;@")).isTrue();
        assertThat(XlsxReading.isDateFormat(166, "hh:mm")).isTrue();
        assertThat(XlsxReading.isDateFormat(null, null)).isFalse();
        assertThat(XlsxReading.isDateFormat(0, "General")).isFalse();
        assertThat(XlsxReading.isDateFormat(4, "#,##0.00")).isFalse();
        assertThat(XlsxReading.isDateFormat(167, "#,##0.00\\ \"€\"")).isFalse();
        assertThat(XlsxReading.isDateFormat(168, "0\" days\"")).isFalse();
        assertThat(XlsxReading.isDateFormat(169, "[Red]0.00;[Blue]-0.00")).isFalse();
        assertThat(XlsxReading.isDateFormat(170, "[h]:mm")).as("a duration, not a time of day").isFalse();
    }
}
