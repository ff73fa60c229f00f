package org.relationcrm.coaching;

import java.time.Instant;
import java.util.List;

import org.relationcrm.interaction.Sentiment;
import org.relationcrm.shared.Channel;

/** An exchange waiting for a review, with why it is in the queue. */
public record QueueItem(long interactionId, long repId, String repName, Long companyId, String companyName,
                        Instant occurredAt, Channel channel, String subject, Sentiment sentiment,
                        List<QueueReason> reasons) {
}
