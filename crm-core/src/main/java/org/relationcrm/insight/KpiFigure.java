package org.relationcrm.insight;

/**
 * One KPI for the period and the previous one; {@code change} is the difference (null when either is missing),
 * {@code better} whether it moved the good way.
 */
public record KpiFigure(Kpi kpi, Double value, Double previous) {

    public Double change() {
        return value == null || previous == null ? null : value - previous;
    }

    /** Null when it did not move or cannot be compared. */
    public Boolean better() {
        Double change = change();
        if (change == null || Math.abs(change) < 1e-9) {
            return null;
        }
        return (change > 0) == kpi.higherIsBetter();
    }
}
