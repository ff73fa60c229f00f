package org.relationcrm.dataimport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.relationcrm.shared.SaneDates;

/**
 * Values as spreadsheets write them: French dates ({@code 31/12/2025}, {@code 31/12/2025 14:30}, two-digit years
 * as 20xx), ISO dates ({@code 2025-12-31}, {@code 2025-12-31T14:30}), decimals with a comma or a point and spaces
 * between thousands ({@code 1 234,56}, {@code 1234.56}), and words for choices ({@code Téléphone}, {@code phone}).
 * Each parser answers empty when the text is not such a value.
 */
public final class CsvValues {

    private CsvValues() {
    }

    private static final Pattern FRENCH = Pattern.compile(
            "(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{2}|\\d{4})(?:[ T]+(\\d{1,2})[:hH](\\d{2})(?::(\\d{2}))?)?");
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ T]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?)?");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,3}(?:[  \u202F.]\\d{3})*(?:,\\d+)?|[+-]?\\d+(?:[.,]\\d+)?");

    /** A date and time (midnight when only a date is written), day first; within {@link SaneDates}' years. */
    public static Optional<LocalDateTime> dateTime(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        int day;
        int month;
        int year;
        Matcher m = FRENCH.matcher(t);
        if (m.matches()) {
            day = Integer.parseInt(m.group(1));
            month = Integer.parseInt(m.group(2));
            year = Integer.parseInt(m.group(3));
            if (m.group(3).length() == 2) {
                year += 2000;
            }
        } else {
            m = ISO.matcher(t);
            if (!m.matches()) {
                return Optional.empty();
            }
            year = Integer.parseInt(m.group(1));
            month = Integer.parseInt(m.group(2));
            day = Integer.parseInt(m.group(3));
        }
        try {
            LocalDate date = LocalDate.of(year, month, day);
            LocalTime time = m.group(4) == null ? LocalTime.MIDNIGHT
                    : LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                            m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            return SaneDates.contains(date) ? Optional.of(LocalDateTime.of(date, time)) : Optional.empty();
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    public static Optional<LocalDate> date(String text) {
        return dateTime(text).map(LocalDateTime::toLocalDate);
    }

    /**
     * A decimal number: {@code 1 234,56} and {@code 1234,56} (French), {@code 1234.56}; a point followed by exactly
     * three digits is read as a thousands separator only when a comma follows ({@code 1.234,5}).
     */
    public static Optional<BigDecimal> decimal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().replace("€", "").strip();
        if (t.isEmpty() || !DECIMAL.matcher(t).matches()) {
            return Optional.empty();
        }
        String plain;
        if (t.indexOf(',') >= 0) {
            plain = t.replaceAll("[  \u202F.]", "").replace(',', '.');
        } else if (t.matches("[+-]?\\d+\\.\\d+")) {
            plain = t;
        } else {
            plain = t.replaceAll("[  \u202F.]", "");
        }
        try {
            return Optional.of(new BigDecimal(plain));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A choice written as one of its words (compared without accents and case), or its constant's name. */
    static <E extends Enum<E>> Optional<E> choice(String text, Class<E> type, Map<String, E> words) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String key = ImportField.normalize(text);
        E found = words.get(key);
        if (found != null) {
            return Optional.of(found);
        }
        for (E value : type.getEnumConstants()) {
            if (ImportField.normalize(value.name().replace('_', ' ')).equals(key)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
