package org.relationcrm.client;

import java.time.Instant;

/** The header of the 360° record: the company as people read it, with its owner's name and its completeness. */
public record CompanyCard(
        long id,
        long version,
        CompanyDetails details,
        String ownerName,
        Instant createdAt,
        Instant lastInteractionAt,
        int contactCount,
        DataCompleteness completeness) {

    public boolean canBeEditedBy(org.relationcrm.team.Actor actor) {
        return Company.editableBy(details.ownerId(), actor);
    }

    public String name() {
        return details.name();
    }
}
