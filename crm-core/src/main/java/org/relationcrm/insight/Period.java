package org.relationcrm.insight;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A calendar month, quarter or year: from {@code start} (a first day of month) to {@code end}, excluded. */
public record Period(PeriodKind kind, LocalDate start) {

    public Period {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
    }

    /** The period of {@code kind} holding {@code month}: its quarter or year when the kind asks for it. */
    public static Period of(PeriodKind kind, YearMonth month) {
        int first = switch (kind) {
            case MONTH -> month.getMonthValue();
            case QUARTER -> (month.getMonthValue() - 1) / 3 * 3 + 1;
            case YEAR -> 1;
        };
        return new Period(kind, LocalDate.of(month.getYear(), first, 1));
    }

    public LocalDate end() {
        return start.plusMonths(kind.months());
    }

    public Period previous() {
        return new Period(kind, start.minusMonths(kind.months()));
    }

    public Period next() {
        return new Period(kind, end());
    }

    public int months() {
        return kind.months();
    }

    /** The first day of each of its months. */
    public List<LocalDate> monthStarts() {
        List<LocalDate> months = new ArrayList<>();
        for (LocalDate m = start; m.isBefore(end()); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && day.isBefore(end());
    }

    /** The last day in it. */
    public LocalDate lastDay() {
        return end().minusDays(1);
    }
}
