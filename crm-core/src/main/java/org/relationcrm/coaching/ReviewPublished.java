package org.relationcrm.coaching;

/** A manager published a review of a rep's interaction. */
public record ReviewPublished(long reviewId, long interactionId, long repId, long reviewerId) {
}
