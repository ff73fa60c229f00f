package org.relationcrm.pipeline.internal;

import java.util.Optional;

import org.relationcrm.pipeline.MeetingPrep;

/** Meeting preparations. Implemented by Spring Data in crm-persistence. */
public interface MeetingPrepRepository {

    Optional<MeetingPrep> findById(Long id);

    MeetingPrep save(MeetingPrep prep);
}
