package org.relationcrm.interaction;

import java.util.Optional;

/** Every interaction ever logged. Implemented by Spring Data in crm-persistence. */
public interface InteractionRepository {

    Optional<Interaction> findById(Long id);

    Interaction save(Interaction interaction);
}
