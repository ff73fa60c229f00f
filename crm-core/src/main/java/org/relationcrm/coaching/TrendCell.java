package org.relationcrm.coaching;

import java.time.YearMonth;

/** The average score of a criterion over the reviews of a month. */
public record TrendCell(YearMonth month, Criterion criterion, double average, int reviews) {
}
