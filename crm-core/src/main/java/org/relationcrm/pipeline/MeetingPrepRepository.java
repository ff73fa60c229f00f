package org.relationcrm.pipeline;

import java.util.Optional;

/** Meeting preparations. Implemented by Spring Data in crm-persistence. */
public interface MeetingPrepRepository {

    Optional<MeetingPrep> findById(Long id);

    MeetingPrep save(MeetingPrep prep);
}
