package org.relationcrm.interaction;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.relationcrm.team.Actor;

/**
 * Something another feature did with a client, as its timeline keeps it: a {@link TimelineEventType} with its
 * structured arguments, what it is about ({@code refId}, linked as the type says), the people involved, who did it,
 * and optionally what a user typed ({@code note}: a complaint's description, a lost deal's comment, a survey's
 * comment) and a follow-up planned for someone ({@code followUp}: a care-plan check-in, a call back after a detractor).
 * No sentence is stored: the web renders the type and its arguments in the reader's language.
 */
public record TimelineEvent(
        TimelineEventType type,
        Actor author,
        Long companyId,
        Set<Long> contactIds,
        Long refId,
        Map<String, String> args,
        String note,
        FollowUp followUp) {

    static final int MAX_NOTE = 10_000;
    static final int MAX_ARG = 500;

    public TimelineEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(author, "author");
        contactIds = contactIds == null ? Set.of() : Set.copyOf(contactIds);
        if (companyId == null && contactIds.isEmpty()) {
            throw new IllegalArgumentException("an event is about a company or at least one person");
        }
        Map<String, String> given = args == null ? Map.of() : args;
        if (!given.keySet().equals(Set.copyOf(type.args()))) {
            throw new IllegalArgumentException(type + " takes the arguments " + type.args() + ", not " + given.keySet());
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String name : type.args()) {
            String value = given.get(name);
            if (value == null || value.isBlank() || value.length() > MAX_ARG) {
                throw new IllegalArgumentException(type + ": argument " + name + " is missing or too long");
            }
            ordered.put(name, value);
        }
        args = java.util.Collections.unmodifiableMap(ordered);
        note = note == null || note.isBlank() ? null : note.strip();
        if (note != null && note.length() > MAX_NOTE) {
            throw new IllegalArgumentException("note is longer than " + MAX_NOTE + " characters");
        }
    }

    /** A next step the event plans for someone (it shows in their "My day" until done). */
    public record FollowUp(LocalDate dueOn, long assigneeId) {
        public FollowUp {
            Objects.requireNonNull(dueOn, "dueOn");
        }
    }
}
