package org.relationcrm.playbook;

import java.util.Optional;

/** All guides. Implemented by Spring Data in crm-persistence. */
public interface PlaybookRepository {

    Optional<Playbook> findById(Long id);

    boolean existsBySituation(Situation situation);

    Playbook save(Playbook playbook);
}
