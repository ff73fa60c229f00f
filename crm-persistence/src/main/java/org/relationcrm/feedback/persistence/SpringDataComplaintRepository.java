package org.relationcrm.feedback.persistence;

import org.springframework.data.repository.Repository;

import org.relationcrm.feedback.Complaint;
import org.relationcrm.feedback.ComplaintRepository;

interface SpringDataComplaintRepository extends ComplaintRepository, Repository<Complaint, Long> {
}
