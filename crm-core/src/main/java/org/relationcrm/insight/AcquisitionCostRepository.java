package org.relationcrm.insight;

import java.util.Optional;

/** The acquisition costs entered by admins. */
public interface AcquisitionCostRepository {

    AcquisitionCost save(AcquisitionCost cost);

    Optional<AcquisitionCost> findById(Long id);
}
