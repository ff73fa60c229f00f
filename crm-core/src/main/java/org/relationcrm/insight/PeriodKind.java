package org.relationcrm.insight;

/** The length of the dashboard's period: a calendar month, quarter or year. */
public enum PeriodKind {
    MONTH(1), QUARTER(3), YEAR(12);

    private final int months;

    PeriodKind(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }
}
