package org.relationcrm.audit;

import java.util.Optional;

/**
 * Where {@link CurrentActor} finds who is acting when nobody said so explicitly: the web layer's implementation reads
 * the signed-in user (and the request's address).
 */
public interface ActorSource {

    Optional<AuditActor> current();
}
