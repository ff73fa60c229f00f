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
import org.relationcrm.shared.ForbiddenActionException;
import org.relationcrm.shared.SaneDates;
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
    static final int MAX_SUBJECT = 200;
    static final int MAX_SUMMARY = 10_000;
    static final int MAX_OUTCOME = 1_000;
    static final int MAX_NEXT_STEP = 500;
    static final int MAX_CONTACTS = 20;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    /** EXCHANGE: people talked; EVENT: another feature recorded something (see {@link TimelineEvent}). */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind = Kind.EXCHANGE;

    @Column(name = "event_type")
    private String eventType;

    @Column(name = "ref_type")
    private String refType;

    @Column(name = "ref_id")
    private Long refId;

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
        if (entry.contactIds().size() > MAX_CONTACTS) {
            throw new IllegalArgumentException("at most " + MAX_CONTACTS + " people per interaction");
        }
        this.companyId = entry.companyId();
        this.contactIds.addAll(entry.contactIds());
        this.channel = present(entry.channel(), "channel");
        this.direction = present(entry.direction(), "direction");
        this.occurredAt = SaneDates.require(present(entry.occurredAt(), "occurredAt"), "occurredAt");
        if (occurredAt.isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw new IllegalArgumentException("an interaction cannot have happened in the future: plan it as a next step");
        }
        this.authorId = author.userId();
        this.authorDepartment = author.department();
        this.subject = required(entry.subject(), MAX_SUBJECT, "subject");
        this.summary = optional(entry.summary(), MAX_SUMMARY, "summary");
        this.outcome = optional(entry.outcome(), MAX_OUTCOME, "outcome");
        this.sentiment = entry.sentiment();
        String action = optional(entry.nextStepAction(), MAX_NEXT_STEP, "nextStepAction");
        if ((action == null) != (entry.nextStepDue() == null)) {
            throw new IllegalArgumentException("a next step needs both what to do and a due date");
        }
        SaneDates.require(entry.nextStepDue(), "nextStepDue");
        if (action != null) {
            LocalDate occurredOn = LocalDate.ofInstant(occurredAt, zone);
            if (entry.nextStepDue().isBefore(occurredOn)) {
                throw new IllegalArgumentException("the next step cannot be due before the interaction took place");
            }
            this.nextStep = new NextStep(action, entry.nextStepDue(), author.userId());
        }
        this.loggedAt = now;
    }

    private Interaction(TimelineEvent event, Actor author, Instant now) {
        if (event.companyId() == null && event.contactIds().isEmpty()) {
            throw new IllegalArgumentException("an event is about a company or at least one person");
        }
        this.kind = Kind.EVENT;
        this.eventType = event.type();
        this.refType = optional(event.refType(), 30, "refType");
        this.refId = event.refId();
        this.companyId = event.companyId();
        this.contactIds.addAll(event.contactIds());
        this.occurredAt = now;
        this.loggedAt = now;
        this.authorId = author.userId();
        this.authorDepartment = author.department();
        this.subject = required(event.subject(), MAX_SUBJECT, "subject");
        this.summary = optional(event.summary(), MAX_SUMMARY, "summary");
    }

    /** Puts another feature's event on the client's timeline, as happening now, by the acting user. */
    public static Interaction recordEvent(TimelineEvent event, Actor author, Instant now) {
        return new Interaction(event, author, now);
    }

    /** Records what the author just did with the client. Rules checked here, not in the form. */
    public static Interaction log(LogInteraction entry, Actor author, Instant now, ZoneId zone) {
        return new Interaction(entry, author, now, zone);
    }

    /**
     * Plans a next step for someone, e.g. a care-plan check-in or a detractor's follow-up for the client's owner.
     * It shows in that user's open next steps.
     */
    public void planNextStep(String action, LocalDate dueOn, long assigneeId) {
        if (nextStep != null && !nextStep.isDone()) {
            throw new IllegalStateException("this entry already has an open next step");
        }
        if (dueOn == null) {
            throw new IllegalArgumentException("a next step needs a due date");
        }
        SaneDates.require(dueOn, "dueOn");
        this.nextStep = new NextStep(required(action, MAX_NEXT_STEP, "nextStepAction"), dueOn, assigneeId);
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

    private static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    private static String required(String value, int max, String field) {
        String text = optional(value, max, field);
        if (text == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return text;
    }

    private static String optional(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            throw new IllegalArgumentException(field + " is longer than " + max + " characters");
        }
        return text;
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

    public String eventType() {
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

    /** Null when the interaction needs no follow-up. */
    public NextStep nextStep() {
        return nextStep;
    }
}
