package org.relationcrm.coaching;

import java.time.Instant;
import java.util.List;

import org.relationcrm.shared.Channel;

/** A review as its readers see it, with the exchange it is about and its scores in the grid's order. */
public record ReviewRow(long id, long version, long interactionId, Instant occurredAt, Channel channel, String subject,
                        Long companyId, String companyName, long repId, String repName, String reviewerName,
                        Instant reviewedAt, List<CriterionScore> scores, String overallComment, String answer,
                        Instant answeredAt) {

    public boolean isAnswered() {
        return answer != null;
    }
}
