package org.relationcrm.feedback;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.relationcrm.shared.Channel;
import org.relationcrm.shared.ForbiddenActionException;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.Text;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;
import org.relationcrm.team.Role;

/**
 * A client's complaint, handled as a signal to improve: SLA due dates set when it is opened, escalation only as a
 * deliberate act with a reason, and a resolution that says what was done and why it happened.
 */
@Entity
@Table(name = "complaint")
public class Complaint {

    // The limits, declared here only: the forms' @Size read them.
    public static final int MAX_SUBJECT = 150;
    public static final int MAX_TEXT = 10_000;
    public static final int MAX_REASON = 1_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "company_id", nullable = false)
    private long companyId;

    @Column(name = "contact_id")
    private Long contactId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ComplaintCategory category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Severity severity;

    /** What the complaint is about, in a few words: how the queue, the timeline and the search name it. */
    @Column(nullable = false)
    private String subject;

    @Column(nullable = false)
    private String description;

    @Column(name = "owner_id", nullable = false)
    private long ownerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ComplaintStatus status;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "opened_by", nullable = false)
    private long openedBy;

    @Column(name = "first_response_due", nullable = false)
    private Instant firstResponseDue;

    @Column(name = "resolution_due", nullable = false)
    private Instant resolutionDue;

    /** When the client was first answered ({@link #respond}); taking the case in hand is no answer. */
    @Column(name = "first_response_at")
    private Instant firstResponseAt;

    @Column(name = "escalation_level", nullable = false)
    private int escalationLevel;

    @Column(name = "escalation_reason")
    private String escalationReason;

    @Column(name = "escalated_at")
    private Instant escalatedAt;

    @Column(name = "escalated_by")
    private Long escalatedBy;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    private String resolution;

    @Enumerated(EnumType.STRING)
    @Column(name = "root_cause")
    private RootCause rootCause;

    @Column(name = "root_cause_detail")
    private String rootCauseDetail;

    @Column(name = "resolution_minutes")
    private Long resolutionMinutes;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "reopened_count", nullable = false)
    private int reopenedCount;

    protected Complaint() {
    }

    /** Opens a complaint; its first-response and resolution due dates follow the SLA of its severity. */
    public static Complaint open(NewComplaint c, long ownerId, Actor openedBy, Instant now, FeedbackSettings sla) {
        Complaint complaint = new Complaint();
        complaint.companyId = c.companyId();
        complaint.contactId = c.contactId();
        complaint.channel = required(c.channel(), "channel");
        complaint.category = required(c.category(), "category");
        complaint.severity = required(c.severity(), "severity");
        complaint.subject = Text.required(c.subject(), MAX_SUBJECT, "subject");
        complaint.description = Text.required(c.description(), MAX_TEXT, "description");
        complaint.ownerId = ownerId;
        complaint.status = ComplaintStatus.OPEN;
        complaint.openedAt = now;
        complaint.openedBy = openedBy.userId();
        complaint.firstResponseDue = now.plus(sla.firstResponse(complaint.severity));
        complaint.resolutionDue = now.plus(sla.resolution(complaint.severity));
        return complaint;
    }

    /**
     * Whether this user may act on the complaint: whoever handles complaints, and from level 2 on a manager only.
     * The page asks this before it shows a button; the service asks it again before it acts.
     */
    public boolean mayBeHandledBy(Actor actor) {
        return actor.can(Permission.HANDLE_COMPLAINTS)
                && (!needsManager() || actor.can(Permission.HANDLE_ESCALATED_COMPLAINTS));
    }

    /**
     * Someone takes the case in hand: it becomes theirs and is in progress. The client has been told nothing yet,
     * so this is no response (see {@link #respond}).
     */
    public void takeInHand(Actor handler) {
        if (status != ComplaintStatus.OPEN) {
            throw new IllegalStateException("only an open complaint can be taken in hand");
        }
        if (!mayBeHandledBy(handler)) {
            throw new ForbiddenActionException("this complaint is handled by a manager");
        }
        status = ComplaintStatus.IN_PROGRESS;
        ownerId = handler.userId();
    }

    /**
     * The client was answered (a call, an email... logged with the client): the first answer is the first response
     * the SLA measures; a case still waiting is now in progress.
     */
    public void respond(Instant now) {
        if (!status.isOpen()) {
            throw new IllegalStateException("only an open complaint is answered");
        }
        if (firstResponseAt == null) {
            firstResponseAt = now;
        }
        if (status == ComplaintStatus.OPEN) {
            status = ComplaintStatus.IN_PROGRESS;
        }
    }

    /**
     * Escalates to a level (1 team lead, 2 manager, 3 direction), and hands the case to {@code ownerId} (who may be
     * its current owner). Always deliberate: a reason is mandatory, and the level can only go up. From level 2 on a
     * manager handles it, so the owner shown is always someone who may resolve it.
     */
    public void escalate(int level, String reason, long ownerId, Role ownerRole, Actor actor, Instant now) {
        if (!status.isOpen()) {
            throw new IllegalStateException("only an open complaint can be escalated");
        }
        if (level < 1 || level > 3) {
            throw new IllegalArgumentException("an escalation level is 1 (team lead), 2 (manager) or 3 (direction)");
        }
        if (!ownerRole.grants(Permission.HANDLE_COMPLAINTS)) {
            throw new IllegalArgumentException("a complaint is owned by a support agent or a manager");
        }
        RuleViolation.Collector broken = RuleViolation.collect();
        broken.unless(level > escalationLevel, "level", "complaint.escalate.levelUp"); // only up
        broken.unless(level < 2 || ownerRole.grants(Permission.HANDLE_ESCALATED_COMPLAINTS), "ownerId",
                "complaint.escalate.managerNeeded");
        String why = broken.check(() -> Text.required(reason, MAX_REASON, "reason"));
        broken.throwIfAny();
        this.escalationReason = why;
        this.escalationLevel = level;
        this.escalatedAt = now;
        this.escalatedBy = actor.userId();
        this.ownerId = ownerId;
    }

    /** Records what was done and the root cause; the resolution time is kept. */
    public void resolve(String whatWasDone, RootCause cause, String causeDetail, Instant now) {
        if (!status.isOpen()) {
            throw new IllegalStateException("only an open complaint can be resolved");
        }
        this.resolution = Text.required(whatWasDone, MAX_TEXT, "resolution");
        this.rootCause = required(cause, "rootCause");
        this.rootCauseDetail = Text.optional(causeDetail, MAX_REASON, "rootCauseDetail");
        this.status = ComplaintStatus.RESOLVED;
        this.resolvedAt = now;
        this.resolutionMinutes = Duration.between(openedAt, now).toMinutes();
    }

    public void close(Instant now) {
        if (status != ComplaintStatus.RESOLVED) {
            throw new IllegalStateException("only a resolved complaint can be closed");
        }
        status = ComplaintStatus.CLOSED;
        closedAt = now;
    }

    /** The client is not satisfied after all: back in progress, the resolution kept for history until resolved again. */
    public void reopen() {
        if (status.isOpen()) {
            throw new IllegalStateException("this complaint is still open");
        }
        status = ComplaintStatus.IN_PROGRESS;
        closedAt = null;
        reopenedCount++;
    }

    /** Levels 2 and 3 are handled by a manager. */
    public boolean needsManager() {
        return escalationLevel >= 2;
    }

    public boolean resolutionBreached(Instant now) {
        return status.isOpen() && now.isAfter(resolutionDue);
    }

    /** Still open, the client not answered yet, and past the first-response due date. */
    public boolean firstResponseBreached(Instant now) {
        return status.isOpen() && firstResponseAt == null && now.isAfter(firstResponseDue);
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw RuleViolation.required(field);
        }
        return value;
    }

    public Long id() { return id; }
    public long version() { return version; }
    public long companyId() { return companyId; }
    public Long contactId() { return contactId; }
    public Channel channel() { return channel; }
    public ComplaintCategory category() { return category; }
    public Severity severity() { return severity; }
    public String subject() { return subject; }
    public String description() { return description; }
    public long ownerId() { return ownerId; }
    public ComplaintStatus status() { return status; }
    public Instant openedAt() { return openedAt; }
    public Instant firstResponseDue() { return firstResponseDue; }
    public Instant resolutionDue() { return resolutionDue; }
    public Instant firstResponseAt() { return firstResponseAt; }
    public int escalationLevel() { return escalationLevel; }
    public String escalationReason() { return escalationReason; }
    public Instant resolvedAt() { return resolvedAt; }
    public String resolution() { return resolution; }
    public RootCause rootCause() { return rootCause; }
    public String rootCauseDetail() { return rootCauseDetail; }
    public Long resolutionMinutes() { return resolutionMinutes; }
    public Instant closedAt() { return closedAt; }
}
