package org.relationcrm.pipeline;

import java.time.LocalDate;
import java.util.Map;

import org.relationcrm.interaction.TimelineEventType;

/**
 * A next step due for a user, from an interaction or from a deal. One planned by a timeline event (a care check-in,
 * a call back after a detractor) has no {@code about} nor {@code action} text but its event's type and arguments,
 * which the web words in the reader's language.
 */
public record DueStep(Kind kind, long id, Long companyId, Long contactId, String clientName, String about,
                      String action, LocalDate dueOn, long version, TimelineEventType eventType,
                      Map<String, String> eventArgs) {

    public enum Kind {
        INTERACTION("I"), OPPORTUNITY("D");

        private final String letter;

        Kind(String letter) {
            this.letter = letter;
        }

        /** The letter that starts an item's {@link #key()}. */
        public String letter() {
            return letter;
        }
    }

    /** The same step with its words (for one planned by an event, worded in the reader's language by the web). */
    public DueStep worded(String about, String action) {
        return new DueStep(kind, id, companyId, contactId, clientName, about, action, dueOn, version, eventType,
                eventArgs);
    }

    public boolean isOverdue(LocalDate today) {
        return dueOn.isBefore(today);
    }

    /** How forms name this item as the user saw it: kind, id and version, e.g. {@code I123.4} (a follow-up). */
    public String key() {
        return kind.letter() + id + "." + version;
    }

    public String clientLink() {
        return companyId != null ? "/clients/" + companyId : contactId != null ? "/contacts/" + contactId : null;
    }
}
