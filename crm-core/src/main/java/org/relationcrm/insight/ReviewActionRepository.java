package org.relationcrm.insight;

import java.util.Optional;

/** The review actions. */
public interface ReviewActionRepository {

    ReviewAction save(ReviewAction action);

    Optional<ReviewAction> findById(Long id);
}
