package org.relationcrm.insight;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.SaneDates;
import org.relationcrm.shared.Text;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;

/**
 * What the monthly review decided for a KPI that moved: the root cause found, the action, who does it and by when;
 * later marked done. The KPI's value at the review is kept, so the next reviews show what it did since.
 */
@Entity
@Table(name = "insight_review_action")
public class ReviewAction {

    public static final int MAX_TEXT = 1_000;
    /** An action is due within a year of its review. */
    public static final int MAX_DAYS_AHEAD = 366;
    public static final String DUE_IN_PAST = "insight.action.dueOn.past";
    public static final String DUE_TOO_FAR = "insight.action.dueOn.tooFar";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "review_month", nullable = false, updatable = false)
    private LocalDate reviewMonth;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kpi kpi;

    @Column(name = "value_at_review", updatable = false)
    private Double valueAtReview;

    @Column(name = "root_cause", nullable = false)
    private String rootCause;

    @Column(nullable = false)
    private String action;

    @Column(name = "owner_id", nullable = false)
    private long ownerId;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Column(name = "created_by", nullable = false, updatable = false)
    private long createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "done_at")
    private Instant doneAt;

    @Column(name = "done_by")
    private Long doneBy;

    protected ReviewAction() {
    }

    /** Records a root cause and the action decided; the due date is not before {@code today}. */
    public static ReviewAction decide(LocalDate reviewMonth, Kpi kpi, Double valueAtReview, String rootCause,
                                      String action, long ownerId, LocalDate dueOn, Actor by, Instant now,
                                      LocalDate today) {
        by.require(Permission.VIEW_KPIS);
        RuleViolation.Collector broken = RuleViolation.collect();
        broken.unless(kpi != null, "kpi", RuleViolation.REQUIRED);
        String cause = broken.check(() -> Text.required(rootCause, MAX_TEXT, "rootCause"));
        String what = broken.check(() -> Text.required(action, MAX_TEXT, "action"));
        broken.unless(dueOn != null, "dueOn", RuleViolation.REQUIRED);
        if (dueOn != null) {
            broken.unless(SaneDates.contains(dueOn) && !dueOn.isBefore(today), "dueOn", DUE_IN_PAST);
            broken.unless(!dueOn.isAfter(today.plusDays(MAX_DAYS_AHEAD)), "dueOn", DUE_TOO_FAR, MAX_DAYS_AHEAD);
        }
        broken.throwIfAny();
        ReviewAction a = new ReviewAction();
        a.reviewMonth = reviewMonth.withDayOfMonth(1);
        a.kpi = kpi;
        a.valueAtReview = valueAtReview;
        a.rootCause = cause;
        a.action = what;
        a.ownerId = ownerId;
        a.dueOn = dueOn;
        a.createdBy = by.userId();
        a.createdAt = now;
        return a;
    }

    /** Marks the action done; once done it stays so. */
    public void markDone(Actor by, Instant now) {
        by.require(Permission.VIEW_KPIS);
        if (doneAt == null) {
            doneAt = now;
            doneBy = by.userId();
        }
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public Kpi kpi() {
        return kpi;
    }

    public String rootCause() {
        return rootCause;
    }

    public String action() {
        return action;
    }

    public long ownerId() {
        return ownerId;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public Instant doneAt() {
        return doneAt;
    }

    public LocalDate reviewMonth() {
        return reviewMonth;
    }

    public Double valueAtReview() {
        return valueAtReview;
    }
}
