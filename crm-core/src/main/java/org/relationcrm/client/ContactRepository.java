package org.relationcrm.client;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** All people. Implemented by Spring Data in crm-persistence. */
public interface ContactRepository {

    Optional<Contact> findById(Long id);

    List<Contact> findAllByIdIn(Collection<Long> ids);

    boolean existsByCompanyId(Long companyId);

    Optional<Contact> findFirstByCompanyIdAndPrimaryContactTrue(Long companyId);

    Contact save(Contact contact);
}
