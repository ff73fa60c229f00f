package org.relationcrm.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ImportantDateTests {

    private static ImportantDate on(int year, int month, int day) {
        return new ImportantDate("Birthday", LocalDate.of(year, month, day));
    }

    @Test
    void dateLaterThisYearComesRoundThisYear() {
        assertThat(on(1980, 10, 3).nextOccurrence(LocalDate.of(2025, 6, 15))).isEqualTo(LocalDate.of(2025, 10, 3));
    }

    @Test
    void dateEarlierThisYearComesRoundNextYear() {
        assertThat(on(1980, 3, 1).nextOccurrence(LocalDate.of(2025, 6, 15))).isEqualTo(LocalDate.of(2026, 3, 1));
    }

    @Test
    void dateThatIsTodayComesRoundToday() {
        assertThat(on(1980, 6, 15).nextOccurrence(LocalDate.of(2025, 6, 15))).isEqualTo(LocalDate.of(2025, 6, 15));
    }

    @Test
    void dateYesterdayComesRoundNextYear() {
        assertThat(on(1980, 6, 14).nextOccurrence(LocalDate.of(2025, 6, 15))).isEqualTo(LocalDate.of(2026, 6, 14));
    }

    @Test
    void newYearsEveSeenOnNewYearsDayIsAlmostAYearAway() {
        assertThat(on(1990, 12, 31).nextOccurrence(LocalDate.of(2025, 1, 1))).isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @Test
    void newYearsDaySeenOnNewYearsEveIsTomorrow() {
        assertThat(on(1990, 1, 1).nextOccurrence(LocalDate.of(2025, 12, 31))).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void twentyNinthOfFebruaryFallsOnTwentyEighthInANonLeapYear() {
        assertThat(on(2000, 2, 29).nextOccurrence(LocalDate.of(2025, 1, 10))).isEqualTo(LocalDate.of(2025, 2, 28));
    }

    @Test
    void twentyNinthOfFebruaryIsTodayOnTheTwentyEighthOfANonLeapYear() {
        assertThat(on(2000, 2, 29).nextOccurrence(LocalDate.of(2025, 2, 28))).isEqualTo(LocalDate.of(2025, 2, 28));
    }

    @Test
    void twentyNinthOfFebruaryPassedFallsOnTwentyEighthNextNonLeapYear() {
        assertThat(on(2000, 2, 29).nextOccurrence(LocalDate.of(2025, 3, 1))).isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void twentyNinthOfFebruaryPassedComesRoundOnTheTwentyNinthWhenNextYearIsLeap() {
        assertThat(on(2000, 2, 29).nextOccurrence(LocalDate.of(2027, 3, 1))).isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    void twentyNinthOfFebruaryIsKeptInALeapYear() {
        assertThat(on(2000, 2, 29).nextOccurrence(LocalDate.of(2028, 1, 10))).isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    void twentyEighthOfFebruaryIsNotMovedInALeapYear() {
        assertThat(on(2001, 2, 28).nextOccurrence(LocalDate.of(2028, 2, 29))).isEqualTo(LocalDate.of(2029, 2, 28));
    }

    @Test
    void labelIsRequiredAndTrimmed() {
        assertThat(new ImportantDate("  Birthday ", LocalDate.of(1980, 1, 1)).label()).isEqualTo("Birthday");
        assertThatIllegalArgumentException().isThrownBy(() -> new ImportantDate(" ", LocalDate.of(1980, 1, 1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new ImportantDate("x".repeat(81), LocalDate.of(1980, 1, 1)));
    }

    @Test
    void dateIsRequired() {
        assertThatNullPointerException().isThrownBy(() -> new ImportantDate("Birthday", null));
    }

    @Test
    void sameLabelAndDateAreEqual() {
        assertThat(on(1980, 1, 1)).isEqualTo(on(1980, 1, 1)).hasSameHashCodeAs(on(1980, 1, 1));
        assertThat(on(1980, 1, 1)).isNotEqualTo(on(1980, 1, 2));
        assertThat(on(1980, 1, 1)).isNotEqualTo(new ImportantDate("Anniversary", LocalDate.of(1980, 1, 1)));
    }
}
