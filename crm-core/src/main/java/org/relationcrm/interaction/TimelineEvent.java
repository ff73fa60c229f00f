package org.relationcrm.interaction;

import java.util.Set;

/**
 * Something another feature did with a client that belongs on its timeline: a deal changing stage, a complaint
 * opened or closed, a survey answered. {@code type} names it (a message key {@code event.<type>} labels it);
 * {@code refType}/{@code refId} say what it is about, for a link.
 */
public record TimelineEvent(
        Long companyId,
        Set<Long> contactIds,
        String type,
        String subject,
        String summary,
        String refType,
        Long refId) {

    public TimelineEvent {
        contactIds = contactIds == null ? Set.of() : Set.copyOf(contactIds);
        if (type == null || !type.matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw new IllegalArgumentException("an event type is an UPPER_SNAKE_CASE name of at most 40 characters");
        }
    }
}
