package org.relationcrm.coaching;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The average score of each criterion month by month ({@code months}, the latest first, so that a phone shows it
 * without scrolling); a month without a review has no average (null).
 */
public record Trend(List<YearMonth> months, List<Line> lines) {

    /** One criterion's averages, one per month of {@link #months()}. */
    public record Line(Criterion criterion, List<Double> averages) {
    }

    /** The trend over the {@code count} months ending with {@code last}, from the cells PostgreSQL computed. */
    public static Trend of(List<TrendCell> cells, YearMonth last, int count) {
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            months.add(last.minusMonths(i));
        }
        List<Line> lines = new ArrayList<>();
        for (Criterion criterion : Criterion.values()) {
            List<Double> averages = new ArrayList<>();
            for (YearMonth month : months) {
                averages.add(cells.stream()
                        .filter(c -> c.criterion() == criterion && c.month().equals(month))
                        .map(TrendCell::average).findFirst().orElse(null));
            }
            lines.add(new Line(criterion, averages));
        }
        return new Trend(months, lines);
    }

    public boolean isEmpty() {
        return lines.stream().allMatch(line -> line.averages().stream().allMatch(java.util.Objects::isNull));
    }
}
