package org.relationcrm.request;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The company's working hours, as service levels count them: Monday to Friday, 9:00 to 18:00, in the company's time
 * zone ({@code relation.time-zone}). No public holidays: kept simple on purpose, and stated here only.
 */
public final class WorkingHours {

    public static final LocalTime OPENS = LocalTime.of(9, 0);
    public static final LocalTime CLOSES = LocalTime.of(18, 0);

    private final ZoneId zone;

    public WorkingHours(ZoneId zone) {
        this.zone = zone;
    }

    /** The moment {@code hours} working hours after {@code start} (a start outside them counts from the next opening). */
    public Instant plus(Instant start, int hours) {
        if (hours < 0) {
            throw new IllegalArgumentException("hours must not be negative");
        }
        LocalDateTime t = firstWorkingMoment(LocalDateTime.ofInstant(start, zone));
        long remaining = hours * 60L;
        while (true) {
            long available = Duration.between(t, t.toLocalDate().atTime(CLOSES)).toMinutes();
            if (remaining <= available) {
                return t.plusMinutes(remaining).atZone(zone).toInstant();
            }
            remaining -= available;
            t = firstWorkingMoment(t.toLocalDate().plusDays(1).atTime(OPENS));
        }
    }

    /** The working minutes between two moments (0 when {@code to} is not after {@code from}). */
    public long minutesBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        LocalDateTime start = LocalDateTime.ofInstant(from, zone);
        LocalDateTime end = LocalDateTime.ofInstant(to, zone);
        long minutes = 0;
        for (LocalDate day = start.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            LocalDateTime opens = max(day.atTime(OPENS), start);
            LocalDateTime closes = min(day.atTime(CLOSES), end);
            if (closes.isAfter(opens)) {
                minutes += Duration.between(opens, closes).toMinutes();
            }
        }
        return minutes;
    }

    public ZoneId zone() {
        return zone;
    }

    private static LocalDateTime firstWorkingMoment(LocalDateTime t) {
        LocalDateTime at = t;
        while (true) {
            if (!isWorkingDay(at.toLocalDate()) || !at.toLocalTime().isBefore(CLOSES)) {
                at = at.toLocalDate().plusDays(1).atTime(OPENS);
            } else if (at.toLocalTime().isBefore(OPENS)) {
                return at.toLocalDate().atTime(OPENS);
            } else {
                return at;
            }
        }
    }

    private static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
