package org.relationcrm.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The dates Relation accepts, one range for the whole application: a client's history, a deal's close date, a
 * birthday, a due date. Anything outside is a typo ({@code 0001-01-01}, {@code 9999-12-31}) or a probe
 * ({@code -4714-01-01}, which PostgreSQL cannot even store). The domain refuses such a date; forms say so next to
 * the field with {@link SaneDate}, which reads this range.
 */
public final class SaneDates {

    public static final int EARLIEST_YEAR = 1800;
    public static final int LATEST_YEAR = 2199;
    public static final LocalDate EARLIEST = LocalDate.of(EARLIEST_YEAR, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(LATEST_YEAR, 12, 31);

    private SaneDates() {
    }

    public static boolean contains(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    public static boolean contains(LocalDateTime dateTime) {
        return contains(dateTime.toLocalDate());
    }

    /** An instant is judged on its UTC date: a few hours either side of the range do not matter. */
    public static boolean contains(Instant instant) {
        return instant.isAfter(EARLIEST.atStartOfDay().minusDays(1).toInstant(ZoneOffset.UTC))
                && instant.isBefore(LATEST.plusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    /** The date itself, or an exception naming the field when it is outside the range (null passes). */
    public static LocalDate require(LocalDate date, String field) {
        if (date != null && !contains(date)) {
            throw outOfRange(field);
        }
        return date;
    }

    public static Instant require(Instant instant, String field) {
        if (instant != null && !contains(instant)) {
            throw outOfRange(field);
        }
        return instant;
    }

    private static IllegalArgumentException outOfRange(String field) {
        return new IllegalArgumentException(field + " must be between " + EARLIEST + " and " + LATEST);
    }
}
