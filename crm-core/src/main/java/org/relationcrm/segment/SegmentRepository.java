package org.relationcrm.segment;

import java.util.Optional;

/** The segments. Implemented by Spring Data in crm-persistence. */
public interface SegmentRepository {

    Optional<Segment> findById(Long id);

    Segment save(Segment segment);

    void delete(Segment segment);
}
