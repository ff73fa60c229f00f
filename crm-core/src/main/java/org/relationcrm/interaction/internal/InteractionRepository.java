package org.relationcrm.interaction.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.relationcrm.interaction.Interaction;

/** Every interaction ever logged. Implemented by Spring Data in crm-persistence. */
public interface InteractionRepository {

    Optional<Interaction> findById(Long id);

    List<Interaction> findAllByIdIn(Collection<Long> ids);

    Interaction save(Interaction interaction);
}
