package org.relationcrm.feedback;

import java.util.Optional;

/** All complaints. Implemented by Spring Data in crm-persistence. */
public interface ComplaintRepository {

    Optional<Complaint> findById(Long id);

    Complaint save(Complaint complaint);
}
