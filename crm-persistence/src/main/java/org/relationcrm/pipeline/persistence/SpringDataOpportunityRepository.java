package org.relationcrm.pipeline.persistence;

import org.springframework.data.repository.Repository;

import org.relationcrm.pipeline.Opportunity;
import org.relationcrm.pipeline.OpportunityRepository;

interface SpringDataOpportunityRepository extends OpportunityRepository, Repository<Opportunity, Long> {
}
