package org.relationcrm.coaching;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.relationcrm.shared.ForbiddenActionException;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.Text;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;

/**
 * A manager's review of one interaction of a rep: a score on each {@link Criterion}, an overall comment, and the rep's
 * answer (one, which they may rewrite). Read by the rep, managers and admins only ({@link #isReadableBy}).
 */
@Entity
@Table(name = "coaching_review")
public class Review {

    public static final int MAX_OVERALL = 2_000;
    public static final int MAX_ANSWER = 2_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "interaction_id", nullable = false, updatable = false)
    private long interactionId;

    @Column(name = "rep_id", nullable = false, updatable = false)
    private long repId;

    @Column(name = "reviewer_id", nullable = false, updatable = false)
    private long reviewerId;

    @Column(name = "reviewed_at", nullable = false, updatable = false)
    private Instant reviewedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "coaching_score", joinColumns = @JoinColumn(name = "review_id"))
    @MapKeyEnumerated(EnumType.STRING)
    @MapKeyColumn(name = "criterion")
    private Map<Criterion, Score> scores = new HashMap<>();

    @Column(name = "overall_comment")
    private String overallComment;

    private String answer;

    @Column(name = "answered_at")
    private Instant answeredAt;

    protected Review() {
    }

    private Review(long interactionId, long repId, Map<Criterion, Score> scores, String overallComment,
                   Actor reviewer, Instant now) {
        if (!reviewer.can(Permission.COACH_TEAM)) {
            throw new ForbiddenActionException("only a manager or an admin reviews an interaction");
        }
        if (reviewer.userId() == repId) {
            throw new ForbiddenActionException("nobody reviews their own interaction");
        }
        RuleViolation.Collector broken = RuleViolation.collect();
        for (Criterion criterion : Criterion.values()) {
            broken.unless(scores.get(criterion) != null, fieldOf(criterion), "coaching.score.range", Score.MIN,
                    Score.MAX);
        }
        String overall = broken.check(() -> Text.optional(overallComment, MAX_OVERALL, "overallComment"));
        broken.throwIfAny();
        this.interactionId = interactionId;
        this.repId = repId;
        this.reviewerId = reviewer.userId();
        this.reviewedAt = now;
        this.scores.putAll(scores);
        this.overallComment = overall;
    }

    /** Reviews the interaction {@code interactionId}, written by {@code repId}: every criterion is scored. */
    public static Review of(long interactionId, long repId, Map<Criterion, Score> scores, String overallComment,
                            Actor reviewer, Instant now) {
        return new Review(interactionId, repId, scores, overallComment, reviewer, now);
    }

    /** The form field of a criterion's score ({@code listening}, {@code nextStepClarity}…). */
    public static String fieldOf(Criterion criterion) {
        String[] words = criterion.name().toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder field = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            field.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return field.toString();
    }

    /** The rep, their managers and the admins read a review; nobody else (not even a colleague of the rep). */
    public boolean isReadableBy(Actor actor) {
        return actor.userId() == repId || actor.can(Permission.COACH_TEAM);
    }

    /** The rep answers, or rewrites their answer. */
    public void answer(String text, Actor actor, Instant now) {
        if (actor.userId() != repId) {
            throw new ForbiddenActionException("only the rep whose interaction was reviewed answers the review");
        }
        this.answer = Text.required(text, MAX_ANSWER, "answer");
        this.answeredAt = now;
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public long interactionId() {
        return interactionId;
    }

    public long repId() {
        return repId;
    }

    public long reviewerId() {
        return reviewerId;
    }

    public Instant reviewedAt() {
        return reviewedAt;
    }

    /** The scores, in the grid's order. */
    public Map<Criterion, Score> scores() {
        return new EnumMap<>(scores);
    }

    public String overallComment() {
        return overallComment;
    }

    /** Null until the rep answers. */
    public String answer() {
        return answer;
    }

    public Instant answeredAt() {
        return answeredAt;
    }
}
