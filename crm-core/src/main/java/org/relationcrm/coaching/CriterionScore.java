package org.relationcrm.coaching;

/** A criterion's score in a review, as read. */
public record CriterionScore(Criterion criterion, int score, String comment) {
}
