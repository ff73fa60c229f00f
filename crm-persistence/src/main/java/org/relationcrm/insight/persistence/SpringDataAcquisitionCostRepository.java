package org.relationcrm.insight.persistence;

import org.springframework.data.repository.Repository;

import org.relationcrm.insight.AcquisitionCost;
import org.relationcrm.insight.AcquisitionCostRepository;

interface SpringDataAcquisitionCostRepository extends AcquisitionCostRepository, Repository<AcquisitionCost, Long> {
}
