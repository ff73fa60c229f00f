package org.relationcrm.quality;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The completeness scores, their daily snapshots and what the manager's page reads. Implemented in SQL. */
public interface CompletenessStore {

    /** Scores every company again (as of {@code now}) and records the day's figures per owner; returns the companies. */
    int snapshot(LocalDate day, Instant now);

    /** The figures per owner and day since {@code since}, and the team's (ownerId null) per day, oldest first. */
    List<CompletenessPoint> trend(LocalDate since);

    /** Each owner's {@code perOwner} least complete companies, by owner then score. */
    List<LeastComplete> leastComplete(int perOwner);
}
