package org.relationcrm.privacy;

import org.relationcrm.team.Actor;

/** A person was anonymised (GDPR erasure) by {@code actor}. For the audit log. */
public record PersonAnonymised(long personId, Actor actor) {
}
