package org.relationcrm.interaction;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.ForbiddenActionException;
import org.relationcrm.shared.SaneDates;
import org.relationcrm.shared.Text;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;

/**
 * One entry of a client's timeline: a call, a meeting, an email, by anyone in any department.
 * What was said is never rewritten afterwards; only its next step changes: done, moved to another day, handed on.
 */
@Entity
@Table(name = "interaction")
public class Interaction {

    /** Clock skew tolerated between a browser and the server when an interaction is logged "now". */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    // The limits, declared here only: the form's @Size reads them.
    public static final int MAX_SUBJECT = 200;
    public static final int MAX_SUMMARY = 10_000;
    public static final int MAX_OUTCOME = 1_000;
    public static final int MAX_NEXT_STEP = 500;
    public static final int MAX_CONTACTS = 20;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    /** EXCHANGE: people talked; EVENT: another feature recorded something (see {@link TimelineEvent}, written by SQL). */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind = Kind.EXCHANGE;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type", insertable = false, updatable = false)
    private TimelineEventType eventType;

    @Column(name = "company_id")
    private Long companyId;

    @ElementCollection
    @CollectionTable(name = "interaction_contact", joinColumns = @JoinColumn(name = "interaction_id"))
    @Column(name = "contact_id")
    private Set<Long> contactIds = new HashSet<>();

    /** Null for an event. */
    @Enumerated(EnumType.STRING)
    private Channel channel;

    /** Null for an event. */
    @Enumerated(EnumType.STRING)
    private Direction direction;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "author_id", nullable = false)
    private long authorId;

    @Enumerated(EnumType.STRING)
    @Column(name = "author_department", nullable = false)
    private Department authorDepartment;

    @Column(nullable = false)
    private String subject;

    private String summary;

    private String outcome;

    @Enumerated(EnumType.STRING)
    private Sentiment sentiment;

    @Embedded
    private NextStep nextStep;

    @Column(name = "logged_at", nullable = false)
    private Instant loggedAt;

    /** What a timeline entry is. */
    public enum Kind { EXCHANGE, EVENT }

    protected Interaction() {
    }

    private Interaction(LogInteraction entry, Actor author, Instant now, ZoneId zone) {
        if (entry.companyId() == null && entry.contactIds().isEmpty()) {
            throw new IllegalArgumentException("an interaction is with a company or with at least one person");
        }
        RuleViolation.Collector broken = RuleViolation.collect();
        broken.unless(entry.contactIds().size() <= MAX_CONTACTS, "contactIds", "interaction.contacts.tooMany",
                MAX_CONTACTS);
        broken.unless(entry.channel() != null, "channel", RuleViolation.REQUIRED);
        broken.unless(entry.direction() != null, "direction", RuleViolation.REQUIRED);
        broken.unless(entry.occurredAt() != null, "occurredAt", RuleViolation.REQUIRED);
        Instant occurred = SaneDates.require(entry.occurredAt(), "occurredAt"); // a form says so first (@SaneDate)
        broken.unless(occurred == null || !occurred.isAfter(now.plus(FUTURE_TOLERANCE)),
                "occurredAt", "interaction.occurredAt.future");
        String subjectText = broken.check(() -> Text.required(entry.subject(), MAX_SUBJECT, "subject"));
        String summaryText = broken.check(() -> Text.optional(entry.summary(), MAX_SUMMARY, "summary"));
        String outcomeText = broken.check(() -> Text.optional(entry.outcome(), MAX_OUTCOME, "outcome"));
        boolean hasAction = entry.nextStepAction() != null && !entry.nextStepAction().isBlank();
        String action = broken.check(() -> Text.optional(entry.nextStepAction(), MAX_NEXT_STEP, "nextStepAction"));
        LocalDate due = SaneDates.require(entry.nextStepDue(), "nextStepDue");
        broken.unless(!hasAction || entry.nextStepDue() != null, "nextStepDue", "interaction.nextStep.dueRequired");
        broken.unless(hasAction || entry.nextStepDue() == null, "nextStepAction",
                "interaction.nextStep.actionRequired");
        broken.unless(due == null || occurred == null || !due.isBefore(LocalDate.ofInstant(occurred, zone)),
                "nextStepDue", "interaction.nextStep.beforeInteraction");
        broken.throwIfAny();
        this.companyId = entry.companyId();
        this.contactIds.addAll(entry.contactIds());
        this.channel = entry.channel();
        this.direction = entry.direction();
        this.occurredAt = occurred;
        this.authorId = author.userId();
        this.authorDepartment = author.department();
        this.subject = subjectText;
        this.summary = summaryText;
        this.outcome = outcomeText;
        this.sentiment = entry.sentiment();
        if (action != null) {
            this.nextStep = new NextStep(action, due, author.userId());
        }
        this.loggedAt = now;
    }

    /** Records what the author just did with the client. Rules checked here, not in the form. */
    public static Interaction log(LogInteraction entry, Actor author, Instant now, ZoneId zone) {
        return new Interaction(entry, author, now, zone);
    }

    public void completeNextStep(Actor actor, Instant when) {
        if (nextStep == null) {
            throw new IllegalStateException("this interaction has no next step");
        }
        nextStep.markDone(actor.userId(), when);
    }

    /**
     * Whether the actor may reschedule or hand on this follow-up: the person whose it is (its assignee, else its
     * author), or whoever manages the team's follow-ups. Marking it done is open to anyone who logs interactions:
     * the client's story is shared, and whoever had the call closes the follow-up.
     */
    public boolean nextStepManagedBy(Actor actor) {
        if (nextStep == null || !actor.can(Permission.LOG_INTERACTIONS)) {
            return false;
        }
        return actor.can(Permission.MANAGE_TEAM_FOLLOW_UPS) || nextStep.ownerOf(authorId) == actor.userId();
    }

    /** Whether there is a next step still to do. */
    public boolean hasOpenNextStep() {
        return nextStep != null && !nextStep.isDone();
    }

    /** Moves the open follow-up to another day, today or later. */
    public void rescheduleNextStep(LocalDate dueOn, LocalDate today, Actor actor) {
        requireManagedNextStep(actor);
        if (dueOn == null || dueOn.isBefore(today)) {
            throw new IllegalArgumentException("a follow-up is rescheduled to today or later");
        }
        nextStep.rescheduleTo(SaneDates.require(dueOn, "dueOn"));
    }

    /** Hands the open follow-up on to someone else (the service checks that they may follow up interactions). */
    public void reassignNextStep(long assigneeId, Actor actor) {
        requireManagedNextStep(actor);
        nextStep.assignTo(assigneeId);
    }

    private void requireManagedNextStep(Actor actor) {
        if (!hasOpenNextStep()) {
            throw new IllegalStateException("this interaction has no open next step");
        }
        if (!nextStepManagedBy(actor)) {
            throw new ForbiddenActionException("only whose follow-up it is, or a manager of the team, changes it");
        }
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public Long companyId() {
        return companyId;
    }

    public Kind kind() {
        return kind;
    }

    /** Null for an exchange. */
    public TimelineEventType eventType() {
        return eventType;
    }

    public Set<Long> contactIds() {
        return Set.copyOf(contactIds);
    }

    public Channel channel() {
        return channel;
    }

    public Direction direction() {
        return direction;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public long authorId() {
        return authorId;
    }

    public Department authorDepartment() {
        return authorDepartment;
    }

    public String subject() {
        return subject;
    }

    public String summary() {
        return summary;
    }

    public String outcome() {
        return outcome;
    }

    public Sentiment sentiment() {
        return sentiment;
    }

    /**
     * Null when the interaction needs no follow-up. An event's next step has no action text: its type says what it
     * is ({@link TimelineEventType#nextStepKey()}).
     */
    public NextStep nextStep() {
        return nextStep;
    }
}
