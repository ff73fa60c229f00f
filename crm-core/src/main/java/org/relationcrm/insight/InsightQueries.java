package org.relationcrm.insight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The insight read model, aggregated by PostgreSQL from the monthly rollups. */
public interface InsightQueries {

    /** How many of the filter's companies were customers and prospects at the start of {@code on}. */
    StockAtStart stockAt(KpiFilter filter, LocalDate on);

    /** The facts of each month from {@code from} (included) to {@code to} (excluded) that has any. */
    List<MonthFacts> months(KpiFilter filter, LocalDate from, LocalDate to);

    /**
     * Complaints of the filter's clients resolved in (and opened in, for first responses) the period: one row per
     * channel and severity, and one total row (channel and severity null).
     */
    List<ComplaintTimes> complaintTimes(KpiFilter filter, LocalDate from, LocalDate to);

    /** The mean resolution and first-response hours of each month from {@code from} to {@code to}. */
    List<ComplaintMonth> complaintMonths(KpiFilter filter, LocalDate from, LocalDate to);

    /**
     * The share of today's customers of the filter with an exchange since {@code since}, and the share as of the
     * month start {@code previousEnd} (the instant {@code previousAt}, exchanges since {@code previousSince}): as
     * measured then ({@link ReachedMonths}), or, for a segment, from its companies' rows. Null without customers or
     * when that month start was not measured.
     */
    ReachedShares reached(KpiFilter filter, Instant since, LocalDate previousEnd, Instant previousAt,
                          Instant previousSince);

    /**
     * The whole team's acquisition per channel in the period [{@code from}, {@code to}) and the one before,
     * [{@code previousFrom}, {@code from}): costs entered and new customers by the channel of their first exchange.
     */
    List<ChannelAcquisition> acquisitionByChannel(LocalDate previousFrom, LocalDate from, LocalDate to);

    /** The rows behind a figure in the period, at most {@code limit}. */
    List<DrillRow> rows(Kpi.Drill drill, KpiFilter filter, int limit);

    /** Actions still open, and those of the last reviews, newest review first. */
    List<ReviewActionRow> actions(LocalDate since, int limit);

    /** Acquisition costs entered for the months from {@code from}, newest month first. */
    List<CostRow> costs(LocalDate from, int limit);

    /** The customers reached in 90 days, today and at the previous period's end (null: no figure). */
    record ReachedShares(Double current, Double previous) {

        /** reached / customers, null without customers (or without a measure). */
        public static Double share(Long reached, Long customers) {
            return reached == null || customers == null || customers == 0 ? null : (double) reached / customers;
        }
    }

    /** How many complaints were resolved (responded to) in one month, and their mean hours. */
    record ComplaintMonth(LocalDate month, long resolved, Double resolutionHours, long responded,
                          Double firstResponseHours) {
    }
}
