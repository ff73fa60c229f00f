package org.relationcrm.pipeline.persistence;

import org.springframework.data.repository.Repository;

import org.relationcrm.pipeline.MeetingPrep;
import org.relationcrm.pipeline.internal.MeetingPrepRepository;

interface SpringDataMeetingPrepRepository extends MeetingPrepRepository, Repository<MeetingPrep, Long> {
}
