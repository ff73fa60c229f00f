package org.relationcrm.coaching;

import java.time.Instant;

/** A rep nobody reviewed lately; {@code lastReviewedAt} is null when never. */
public record UnreviewedRep(long repId, String name, Instant lastReviewedAt) {
}
