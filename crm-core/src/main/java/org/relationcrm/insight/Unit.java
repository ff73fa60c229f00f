package org.relationcrm.insight;

/** How a KPI's value is written. */
public enum Unit {
    /** NPS: −100 to 100. */
    SCORE,
    /** Averages of a 1–5 or 1–7 scale, interactions per customer, LTV/CAC. */
    NUMBER,
    /** A fraction, written as a percentage. */
    PERCENT,
    /** Hours. */
    HOURS,
    /** Euros. */
    MONEY
}
