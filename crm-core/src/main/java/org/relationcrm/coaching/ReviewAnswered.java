package org.relationcrm.coaching;

/** The rep answered a review of their interaction (or changed their answer). */
public record ReviewAnswered(long reviewId, long repId) {
}
