package org.relationcrm.coaching;

import java.time.Instant;
import java.time.LocalDate;

import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.Sentiment;
import org.relationcrm.shared.Channel;

/** The exchange a review is about, as the reviewer reads it; {@code reviewId} is null while not reviewed. */
public record ReviewedInteraction(long id, Long companyId, String companyName, Long contactId, Channel channel,
                                  Direction direction, Instant occurredAt, String subject, String summary,
                                  String outcome, Sentiment sentiment, String nextStepAction, LocalDate nextStepDue,
                                  long repId, String repName, Long reviewId) {
}
