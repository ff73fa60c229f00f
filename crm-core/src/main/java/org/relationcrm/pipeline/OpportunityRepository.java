package org.relationcrm.pipeline;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** All deals. Implemented by Spring Data in crm-persistence. */
public interface OpportunityRepository {

    Optional<Opportunity> findById(Long id);

    List<Opportunity> findAllByIdIn(Collection<Long> ids);

    Opportunity save(Opportunity opportunity);

    /** Writes pending changes now, so that a concession just granted gets its id. */
    void flush();
}
