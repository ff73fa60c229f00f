package org.relationcrm.segment.persistence;

import org.springframework.data.repository.Repository;

import org.relationcrm.segment.Segment;
import org.relationcrm.segment.SegmentRepository;

interface SpringDataSegmentRepository extends SegmentRepository, Repository<Segment, Long> {
}
