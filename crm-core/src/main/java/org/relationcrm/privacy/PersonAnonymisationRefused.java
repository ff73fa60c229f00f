package org.relationcrm.privacy;

import java.util.List;

import org.relationcrm.team.Actor;

/** {@code actor} asked to anonymise a person and was refused for these legal holds. For the audit log. */
public record PersonAnonymisationRefused(long personId, Actor actor, List<LegalHold> reasons) {

    public PersonAnonymisationRefused {
        reasons = List.copyOf(reasons);
    }
}
