package org.relationcrm.record.web;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.springframework.web.util.UriComponentsBuilder;

import org.relationcrm.interaction.TimelineCursor;
import org.relationcrm.interaction.TimelineFilter;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.SaneDates;

/**
 * What a reader asked of a timeline, as the address holds it (so that reload, back and a shared link keep it):
 * {@code channel}, {@code department}, words ({@code q}), a month to start from ({@code month}, yyyy-MM) and the
 * "show more" cursor ({@code before}). Kept as typed text, read here: anything malformed is a 400.
 */
public record TimelineRequest(String channel, String department, String q, String month, String before) {

    public TimelineFilter filter() {
        return new TimelineFilter(blank(channel) ? null : Channel.valueOf(channel),
                blank(department) ? null : Department.valueOf(department), q);
    }

    /** Where the page starts: the "show more" cursor, else the end of the chosen month, else the newest entry. */
    public TimelineCursor cursor(ZoneId zone) {
        if (!blank(before)) {
            return TimelineCursor.decode(before);
        }
        YearMonth start = startMonth();
        if (start == null) {
            return null;
        }
        Instant endOfMonth = start.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        return new TimelineCursor(endOfMonth, 0); // strictly before the next month's first instant
    }

    /** The chosen month, or null. */
    public YearMonth startMonth() {
        if (blank(month)) {
            return null;
        }
        try {
            YearMonth parsed = YearMonth.parse(month.strip());
            if (!SaneDates.contains(parsed.atDay(1))) {
                throw new IllegalArgumentException("month out of range: " + month);
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid month: " + month);
        }
    }

    /** Whether the reader narrowed the timeline or moved back in it. */
    public boolean narrowed() {
        return !filter().isEmpty() || startMonth() != null;
    }

    /** The full page's address for these filters and month (without the "show more" cursor). */
    public String pageUrl(String base) {
        TimelineFilter filter = filter();
        YearMonth start = startMonth();
        return UriComponentsBuilder.fromPath(base)
                .queryParamIfPresent("channel", java.util.Optional.ofNullable(filter.channel()))
                .queryParamIfPresent("department", java.util.Optional.ofNullable(filter.department()))
                .queryParamIfPresent("q", java.util.Optional.ofNullable(filter.text()))
                .queryParamIfPresent("month", java.util.Optional.ofNullable(start))
                .encode().build().toUriString();
    }

    /** The longest text the search keeps (the field's maxlength). */
    public int maxText() {
        return TimelineFilter.MAX_TEXT;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
