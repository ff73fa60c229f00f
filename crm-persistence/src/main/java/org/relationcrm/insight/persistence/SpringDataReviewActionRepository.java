package org.relationcrm.insight.persistence;

import org.springframework.data.repository.Repository;

import org.relationcrm.insight.ReviewAction;
import org.relationcrm.insight.ReviewActionRepository;

interface SpringDataReviewActionRepository extends ReviewActionRepository, Repository<ReviewAction, Long> {
}
