package org.relationcrm.shared.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Dates as people read them, in the company's time zone and the user's language. Used in templates as {@code @fmt}. */
@Component("fmt")
public class Formats {

    private final Clock clock;
    // Formatters are immutable and costly to build: one of each kind per language, built once.
    private final Map<Locale, DateTimeFormatter> dateTimes = new ConcurrentHashMap<>();
    private final Map<Locale, DateTimeFormatter> dates = new ConcurrentHashMap<>();
    private final Map<Locale, DateTimeFormatter> dayMonths = new ConcurrentHashMap<>();
    private final Map<Locale, DateTimeFormatter> shortMonths = new ConcurrentHashMap<>();

    Formats(Clock clock) {
        this.clock = clock;
    }

    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        return dateTimes.computeIfAbsent(LocaleContextHolder.getLocale(),
                        locale -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                                .withLocale(locale).withZone(clock.getZone()))
                .format(instant);
    }

    public String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        return dates.computeIfAbsent(LocaleContextHolder.getLocale(),
                locale -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)).format(date);
    }

    /** The day of an instant, in the company's time zone. */
    public String date(Instant instant) {
        return instant == null ? "" : date(LocalDate.ofInstant(instant, clock.getZone()));
    }

    public String dayMonth(LocalDate date) {
        return date == null ? "" : dayMonths.computeIfAbsent(LocaleContextHolder.getLocale(),
                locale -> DateTimeFormatter.ofPattern("d MMMM", locale)).format(date);
    }

    /** A month as the reader says it: "mars 2025", "March 2025". */
    public String monthYear(YearMonth month) {
        return month == null ? "" : DateTimeFormatter.ofPattern("LLLL yyyy", LocaleContextHolder.getLocale()).format(month);
    }

    /** A month as a chart's axis names it: "déc. 2026", "Dec 2026". */
    public String shortMonth(LocalDate month) {
        return month == null ? "" : shortMonths.computeIfAbsent(LocaleContextHolder.getLocale(),
                locale -> DateTimeFormatter.ofPattern("MMM yyyy", locale)).format(month);
    }

    /** A language code as its name in the reader's language: "en" reads "anglais" in French, "English" in English. */
    public String language(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        Locale reader = LocaleContextHolder.getLocale();
        String name = Locale.forLanguageTag(code).getDisplayLanguage(reader);
        return name.isEmpty() || name.equalsIgnoreCase(code) ? code.toUpperCase(Locale.ROOT) : name;
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
