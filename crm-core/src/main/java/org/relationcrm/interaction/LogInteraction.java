package org.relationcrm.interaction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.relationcrm.shared.Channel;

/**
 * "I just talked to this client": what the author writes down. Either a company (and some of its people)
 * or, for a private customer, only people.
 */
public record LogInteraction(
        Long companyId,
        Set<Long> contactIds,
        Channel channel,
        Direction direction,
        Instant occurredAt,
        String subject,
        String summary,
        String outcome,
        Sentiment sentiment,
        String nextStepAction,
        LocalDate nextStepDue) {

    public LogInteraction {
        contactIds = contactIds == null ? Set.of() : Set.copyOf(contactIds);
    }
}
