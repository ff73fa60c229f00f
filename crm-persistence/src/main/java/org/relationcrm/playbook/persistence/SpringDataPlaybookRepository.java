package org.relationcrm.playbook.persistence;

import org.springframework.data.repository.Repository;

import org.relationcrm.playbook.Playbook;
import org.relationcrm.playbook.PlaybookRepository;

interface SpringDataPlaybookRepository extends PlaybookRepository, Repository<Playbook, Long> {
}
