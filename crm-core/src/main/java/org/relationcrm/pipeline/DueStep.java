package org.relationcrm.pipeline;

import java.time.LocalDate;

/** A next step due for a user, from an interaction or from a deal. */
public record DueStep(Kind kind, long id, Long companyId, Long contactId, String clientName, String about,
                      String action, LocalDate dueOn, Long version) {

    public enum Kind { INTERACTION, OPPORTUNITY }

    public boolean isOverdue(LocalDate today) {
        return dueOn.isBefore(today);
    }

    public String clientLink() {
        return companyId != null ? "/clients/" + companyId : contactId != null ? "/contacts/" + contactId : null;
    }
}
