package org.relationcrm.insight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Who asked for the weekly KPI summary, in which language, and when it was last sent to them. */
public interface SummarySubscriptions {

    void subscribe(long userId, String language, Instant at);

    void unsubscribe(long userId);

    boolean isSubscribed(long userId);

    /** The subscribers not sent a summary on or after {@code since}. */
    List<Subscriber> due(LocalDate since);

    void markSent(long userId, LocalDate on);

    /** A subscriber: who, their email, their language, their role (who lost the right gets nothing). */
    record Subscriber(long userId, String email, String fullName, String language, org.relationcrm.team.Role role) {
    }
}
