package org.relationcrm.coaching.persistence;

import org.springframework.data.repository.Repository;

import org.relationcrm.coaching.Review;
import org.relationcrm.coaching.ReviewRepository;

interface SpringDataReviewRepository extends ReviewRepository, Repository<Review, Long> {
}
