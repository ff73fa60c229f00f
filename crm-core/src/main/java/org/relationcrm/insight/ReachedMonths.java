package org.relationcrm.insight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The share of customers reached in 90 days as of each month's start, per owner then, measured once (by a job) so
 * that the dashboard reads the previous period's figure instead of computing it from every customer's timeline.
 */
public interface ReachedMonths {

    /** The month starts from {@code from} to {@code to} (both included) not measured yet, oldest first. */
    List<LocalDate> unmeasured(LocalDate from, LocalDate to);

    /**
     * Measures (again) the month start {@code asOf}, the instant {@code at}: each owner's customers then (status
     * history) and those of them with an exchange since {@code since}.
     */
    void measure(LocalDate asOf, Instant at, Instant since, Instant measuredAt);
}
