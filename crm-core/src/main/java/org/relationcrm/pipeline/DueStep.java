package org.relationcrm.pipeline;

import java.time.LocalDate;

/** A next step due for a user, from an interaction (a follow-up) or from a deal; {@code version} of that record. */
public record DueStep(Kind kind, long id, Long companyId, Long contactId, String clientName, String about,
                      String action, LocalDate dueOn, long version) {

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
