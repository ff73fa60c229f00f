package org.relationcrm.coaching;

import java.util.Optional;

/** The reviews. Implemented by Spring Data in crm-persistence. */
public interface ReviewRepository {

    Optional<Review> findById(Long id);

    boolean existsByInteractionId(long interactionId);

    Review save(Review review);
}
