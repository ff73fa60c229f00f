package org.relationcrm.client;

import java.util.Optional;

/** All client companies. Implemented by Spring Data in crm-persistence. */
public interface CompanyRepository {

    Optional<Company> findById(Long id);

    boolean existsById(Long id);

    Company save(Company company);
}
