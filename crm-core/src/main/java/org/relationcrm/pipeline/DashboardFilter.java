package org.relationcrm.pipeline;

import java.time.LocalDate;

import org.relationcrm.shared.Department;

/** The period (inclusive dates) and, optionally, the rep or team a dashboard is about. */
public record DashboardFilter(LocalDate from, LocalDate to, Long ownerId, Department team) {

    public DashboardFilter {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("a period runs from a date to a later one");
        }
    }
}
