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
                      String action, LocalDate dueOn, Long version, TimelineEventType eventType,
                      Map<String, String> eventArgs) {

    public enum Kind { INTERACTION, OPPORTUNITY }

    public boolean isOverdue(LocalDate today) {
        return dueOn.isBefore(today);
    }

    public String clientLink() {
        return companyId != null ? "/clients/" + companyId : contactId != null ? "/contacts/" + contactId : null;
    }
}
