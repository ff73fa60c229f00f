package org.relationcrm.coaching;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.relationcrm.shared.Slice;

/**
 * The coaching read model, in SQL (crm-persistence). Every read of reviews says who reads: {@code viewerId} and
 * whether they see every review ({@code seesAll}); a review of someone else is then not even read.
 */
public interface CoachingQueries {

    /**
     * The exchanges since {@code since} of the users whose role is one of {@code repRoles}, not reviewed yet: the
     * latest {@code perRep} of each rep, and always those with a reason beyond the sample; at most {@code limit},
     * those with a reason first, newest first.
     */
    List<QueueItem> queue(Instant since, int perRep, int limit, Collection<String> repRoles);

    /** The enabled reps (roles {@code repRoles}) without a review since {@code since}, the longest waiting first. */
    List<UnreviewedRep> unreviewedReps(Instant since, Collection<String> repRoles, int limit);

    /** An exchange (not an event) with its author and, if reviewed, its review's id. */
    Optional<ReviewedInteraction> interaction(long interactionId);

    Optional<ReviewRow> review(long reviewId, long viewerId, boolean seesAll);

    /** The reviews of a rep ({@code repId}; null: everyone's), newest first, after {@code before} if given. */
    Slice<ReviewRow, ReviewCursor> reviews(Long repId, long viewerId, boolean seesAll, ReviewCursor before, int size);

    /** The averages per month and criterion of the reviews since {@code since}, of a rep or (null) of the team. */
    List<TrendCell> trend(Long repId, Instant since);
}
