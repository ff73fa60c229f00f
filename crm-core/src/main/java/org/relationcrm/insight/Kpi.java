package org.relationcrm.insight;

/**
 * The figures of the dashboard, with their unit, the way they should move and the rows behind them. Their names
 * and definitions are in the messages ({@code kpi.NPS}, {@code kpi.NPS.definition}).
 */
public enum Kpi {
    NPS(Unit.SCORE, true, Drill.DETRACTORS),
    CSAT(Unit.NUMBER, true, Drill.LOW_CSAT),
    CES(Unit.NUMBER, false, Drill.HIGH_EFFORT),
    SURVEY_RESPONSE_RATE(Unit.PERCENT, true, null),
    CHURN_RATE(Unit.PERCENT, false, Drill.LOST_CUSTOMERS),
    RETENTION_RATE(Unit.PERCENT, true, Drill.LOST_CUSTOMERS),
    RESOLUTION_TIME(Unit.HOURS, false, Drill.SLOWEST_COMPLAINTS),
    FIRST_RESPONSE_TIME(Unit.HOURS, false, Drill.SLOWEST_COMPLAINTS),
    CONVERSION_RATE(Unit.PERCENT, true, Drill.NEW_CUSTOMERS),
    WIN_RATE(Unit.PERCENT, true, null),
    LTV(Unit.MONEY, true, null),
    CAC(Unit.MONEY, false, Drill.NEW_CUSTOMERS),
    LTV_CAC(Unit.NUMBER, true, null),
    INTERACTIONS_PER_CUSTOMER(Unit.NUMBER, true, null),
    REACHED_90_DAYS(Unit.PERCENT, true, null);

    private final Unit unit;
    private final boolean higherIsBetter;
    private final Drill drill;

    Kpi(Unit unit, boolean higherIsBetter, Drill drill) {
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
        this.drill = drill;
    }

    public Unit unit() {
        return unit;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The list of rows behind the figure, or null. */
    public Drill drill() {
        return drill;
    }

    /** The rows behind a figure. */
    public enum Drill {
        DETRACTORS, LOW_CSAT, HIGH_EFFORT, LOST_CUSTOMERS, NEW_CUSTOMERS, SLOWEST_COMPLAINTS
    }
}
