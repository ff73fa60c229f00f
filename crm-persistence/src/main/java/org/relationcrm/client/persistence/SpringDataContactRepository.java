package org.relationcrm.client.persistence;

import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.repository.Repository;

import org.relationcrm.client.Contact;
import org.relationcrm.client.ContactRepository;

interface SpringDataContactRepository extends ContactRepository, Repository<Contact, Long> {

    /** A person comes with their important dates: the edit form and the conflict page read them after the session. */
    @Override
    @EntityGraph(attributePaths = "importantDates")
    Optional<Contact> findById(Long id);
}
