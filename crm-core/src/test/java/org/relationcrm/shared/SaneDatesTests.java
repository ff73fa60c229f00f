package org.relationcrm.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import org.relationcrm.client.ImportantDate;
import org.relationcrm.pipeline.MeetingPlan;

class SaneDatesTests {

    @Test
    void theRangeHoldsEveryDateOfAClientsHistoryAndFuture() {
        assertThat(SaneDates.contains(LocalDate.of(1800, 1, 1))).isTrue();
        assertThat(SaneDates.contains(LocalDate.of(2199, 12, 31))).isTrue();
        assertThat(SaneDates.contains(LocalDateTime.of(2026, 12, 1, 10, 0))).isTrue();
        assertThat(SaneDates.contains(Instant.parse("2026-12-01T10:00:00Z"))).isTrue();
    }

    @Test
    void typosAndProbesAreOutside() {
        assertThat(SaneDates.contains(LocalDate.of(1, 1, 1))).isFalse();
        assertThat(SaneDates.contains(LocalDate.of(9999, 12, 31))).isFalse();
        assertThat(SaneDates.contains(LocalDate.of(-4714, 1, 1))).isFalse();
        assertThat(SaneDates.contains(LocalDate.of(1799, 12, 31))).isFalse();
        assertThat(SaneDates.contains(Instant.parse("9999-12-31T10:00:00Z"))).isFalse();
    }

    @Test
    void theDomainRefusesADateOutsideTheRange() {
        assertThatThrownBy(() -> new ImportantDate("Naissance", LocalDate.of(1, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MeetingPlan("RDV", Instant.parse("9999-12-31T10:00:00Z"), null, null, null, null,
                null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ImportantDate("Naissance", LocalDate.of(1950, 5, 17)).date()).isEqualTo("1950-05-17");
    }

    @Test
    void theConstraintReadsTheSameRange() {
        var validator = new SaneDate.Validator();
        assertThat(validator.isValid(null, null)).isTrue();
        assertThat(validator.isValid(LocalDate.of(2026, 1, 1), null)).isTrue();
        assertThat(validator.isValid(LocalDateTime.of(-4714, 1, 1, 10, 0), null)).isFalse();
        assertThat(validator.isValid(LocalDate.of(9999, 12, 31), null)).isFalse();
    }
}
