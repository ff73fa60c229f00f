package org.relationcrm.coaching;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.relationcrm.interaction.Interaction;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.shared.ForbiddenActionException;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.shared.ReadModel;
import org.relationcrm.shared.Slice;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;
import org.relationcrm.team.Role;

/**
 * Coaching on real interactions: managers review a rep's exchange, the rep reads and answers. Who reads what is
 * checked here and again in the SQL of the reads: the rep, managers and admins only.
 */
@Service
@Transactional
public class CoachingService {

    /** How far back the queue looks. */
    public static final Duration QUEUE_WINDOW = Duration.ofDays(14);
    /** How many of each rep's latest exchanges the queue samples. */
    public static final int SAMPLE_PER_REP = 3;
    public static final int QUEUE_LIMIT = 50;
    /** A rep not reviewed for this long is listed as waiting. */
    public static final Duration REVIEW_DUE_AFTER = Duration.ofDays(30);
    /** How many of the reps waiting longest the page lists. */
    public static final int UNREVIEWED_LIMIT = 20;
    public static final int TREND_MONTHS = 6;
    public static final int PAGE_SIZE = 20;

    private final ReviewRepository reviews;
    private final CoachingQueries queries;
    private final InteractionService interactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public CoachingService(ReviewRepository reviews, CoachingQueries queries, InteractionService interactions,
                           ApplicationEventPublisher events, Clock clock) {
        this.reviews = reviews;
        this.queries = queries;
        this.interactions = interactions;
        this.events = events;
        this.clock = clock;
    }

    /** The roles whose users are coached: those who talk to clients and do not coach. */
    static List<String> repRoles() {
        return Arrays.stream(Role.values())
                .filter(role -> role.grants(Permission.LOG_INTERACTIONS) && !role.grants(Permission.COACH_TEAM))
                .map(Role::name).toList();
    }

    /** Publishes a review of an exchange; each exchange is reviewed once. */
    public Review review(long interactionId, Map<Criterion, Score> scores, String overallComment, Actor reviewer) {
        reviewer.require(Permission.COACH_TEAM);
        Interaction interaction = interactions.get(interactionId);
        if (interaction.kind() != Interaction.Kind.EXCHANGE) {
            throw new NotFoundException("Interaction", interactionId);
        }
        if (reviews.existsByInteractionId(interactionId)) {
            throw new AlreadyReviewedException(interactionId);
        }
        Review review = reviews.save(Review.of(interactionId, interaction.authorId(), scores, overallComment, reviewer,
                clock.instant()));
        events.publishEvent(new ReviewPublished(review.id(), interactionId, review.repId(), reviewer.userId()));
        return review;
    }

    /** The rep's answer, written on the version they read; if the review changed meanwhile, nothing is written. */
    public Review answer(long reviewId, long expectedVersion, String answer, Actor rep) {
        Review review = reviews.findById(reviewId).orElseThrow(() -> new NotFoundException("Review", reviewId));
        if (review.repId() != rep.userId()) {
            throw new ForbiddenActionException("only the rep whose exchange was reviewed answers the review");
        }
        if (review.version() != expectedVersion) {
            throw new StaleEditException("Review", expectedVersion, review.version());
        }
        review.answer(answer, rep, clock.instant());
        events.publishEvent(new ReviewAnswered(reviewId, rep.userId()));
        return review;
    }

    @ReadModel
    public List<QueueItem> queue(Actor actor) {
        actor.require(Permission.COACH_TEAM);
        return queries.queue(clock.instant().minus(QUEUE_WINDOW), SAMPLE_PER_REP, QUEUE_LIMIT, repRoles());
    }

    @ReadModel
    public List<UnreviewedRep> unreviewedReps(Actor actor) {
        actor.require(Permission.COACH_TEAM);
        return queries.unreviewedReps(clock.instant().minus(REVIEW_DUE_AFTER), repRoles(), UNREVIEWED_LIMIT);
    }

    /** The exchange to review, for a reviewer. */
    @ReadModel
    public ReviewedInteraction toReview(long interactionId, Actor actor) {
        actor.require(Permission.COACH_TEAM);
        return queries.interaction(interactionId)
                .orElseThrow(() -> new NotFoundException("Interaction", interactionId));
    }

    /** A review, for its rep, a manager or an admin; anyone else is refused. */
    @ReadModel
    public ReviewRow reviewRow(long reviewId, Actor actor) {
        boolean seesAll = actor.can(Permission.COACH_TEAM);
        return queries.review(reviewId, actor.userId(), seesAll).orElseThrow(() -> seesAll
                ? new NotFoundException("Review", reviewId)
                : new ForbiddenActionException("a review is read by its rep, managers and admins only"));
    }

    /** The reviews of the actor's own exchanges, newest first. */
    @ReadModel
    public Slice<ReviewRow, ReviewCursor> myReviews(Actor actor, ReviewCursor before) {
        return queries.reviews(actor.userId(), actor.userId(), false, before, PAGE_SIZE);
    }

    /** The latest reviews of the whole team, for a manager. */
    @ReadModel
    public Slice<ReviewRow, ReviewCursor> teamReviews(Actor actor, ReviewCursor before) {
        actor.require(Permission.COACH_TEAM);
        return queries.reviews(null, actor.userId(), true, before, PAGE_SIZE);
    }

    /** The actor's own trend per criterion over the last {@link #TREND_MONTHS} months. */
    @ReadModel
    public Trend myTrend(Actor actor) {
        return trend(actor.userId());
    }

    /** The team's trend per criterion, for a manager. */
    @ReadModel
    public Trend teamTrend(Actor actor) {
        actor.require(Permission.COACH_TEAM);
        return trend(null);
    }

    private Trend trend(Long repId) {
        YearMonth now = YearMonth.now(clock);
        Instant since = now.minusMonths(TREND_MONTHS - 1L).atDay(1).atStartOfDay(clock.getZone()).toInstant();
        return Trend.of(queries.trend(repId, since), now, TREND_MONTHS);
    }
}
