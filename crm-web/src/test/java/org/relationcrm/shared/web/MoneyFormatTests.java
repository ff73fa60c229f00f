package org.relationcrm.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Amounts in the reader's language: whole ones without cents, others with all of the currency's cents. */
class MoneyFormatTests {

    final MoneyFormat money = new MoneyFormat();

    @Test
    void wholeAmountsHaveNoCentsAndOthersHaveThemAll() {
        assertThat(money.of(new BigDecimal("14415.00"), "EUR", Locale.FRENCH)).isEqualTo("14\u202f415\u00a0€");
        assertThat(money.of(new BigDecimal("8496.6"), "EUR", Locale.FRENCH)).isEqualTo("8\u202f496,60\u00a0€");
        assertThat(money.of(new BigDecimal("8496.6"), "EUR", Locale.ENGLISH)).isEqualTo("€8,496.60");
        assertThat(money.of(new BigDecimal("12500.05"), "EUR", Locale.ENGLISH)).isEqualTo("€12,500.05");
        assertThat(money.of(new BigDecimal("1500.5"), "JPY", Locale.ENGLISH)).isEqualTo("¥1,500");
        assertThat(money.of(null, "EUR", Locale.FRENCH)).isEmpty();
    }
}
