package org.relationcrm.client;

import java.util.Optional;

/** All client companies. Implemented by Spring Data in crm-persistence. */
public interface CompanyRepository {

    Optional<Company> findById(Long id);

    boolean existsById(Long id);

    Company save(Company company);

    /** Writes pending changes now (a merge's undo gives the survivor its old SIREN back before the loser returns). */
    void flush();
}
