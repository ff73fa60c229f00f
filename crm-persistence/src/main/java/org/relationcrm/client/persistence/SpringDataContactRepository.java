package org.relationcrm.client.persistence;

import org.springframework.data.repository.Repository;

import org.relationcrm.client.Contact;
import org.relationcrm.client.ContactRepository;

interface SpringDataContactRepository extends ContactRepository, Repository<Contact, Long> {
}
