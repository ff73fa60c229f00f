package org.relationcrm.insight;

import java.time.Instant;
import java.time.LocalDate;

/** A review action as the review page lists it, with its owner's name. */
public record ReviewActionRow(long id, long version, LocalDate reviewMonth, Kpi kpi, Double valueAtReview,
                              String rootCause, String action, long ownerId, String ownerName, LocalDate dueOn,
                              Instant doneAt) {

    public boolean done() {
        return doneAt != null;
    }

    public boolean lateOn(LocalDate today) {
        return doneAt == null && dueOn.isBefore(today);
    }
}
