package org.relationcrm.config;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Dates as people read them, in the company's time zone and the user's language. Used in templates as {@code @fmt}. */
@Component("fmt")
public class Formats {

    private final Clock clock;

    Formats(Clock clock) {
        this.clock = clock;
    }

    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(LocaleContextHolder.getLocale())
                .format(instant.atZone(clock.getZone()));
    }

    public String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(LocaleContextHolder.getLocale()).format(date);
    }

    public String dayMonth(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofPattern("d MMMM", LocaleContextHolder.getLocale()).format(date);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Calendar days from the instant's date to today, in the company's time zone. */
    public long daysSince(Instant instant) {
        return instant == null ? -1 : ChronoUnit.DAYS.between(LocalDate.ofInstant(instant, clock.getZone()),
                LocalDate.now(clock));
    }

    public LocalDateTime nowForInput() {
        return LocalDateTime.now(clock).withSecond(0).withNano(0);
    }
}
