package org.relationcrm.request;

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

import org.relationcrm.shared.Department;
import org.relationcrm.shared.ForbiddenActionException;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.Text;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;

/**
 * A request from a colleague (the requester, the internal client) to a department or a person in it, about a client.
 * Its due time follows the service level of its kind and receiving department, counted in working hours; the first
 * answer (done, declined, or a question back) is what the service level measures. Once done, the requester rates it.
 */
@Entity
@Table(name = "request")
public class Request {

    // The limits, declared here only: the forms' @Size read them.
    public static final int MAX_TEXT = 5_000;
    public static final int MAX_REASON = 1_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "company_id", nullable = false)
    private long companyId;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind")
    private RequestSubject subject;

    @Column(name = "subject_id")
    private Long subjectId;

    @Column(name = "requester_id", nullable = false)
    private long requesterId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_department", nullable = false)
    private Department fromDepartment;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_department", nullable = false)
    private Department toDepartment;

    @Column(name = "to_user_id")
    private Long toUserId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RequestKind kind;

    @Column(nullable = false)
    private String needed;

    @Column(name = "needed_by")
    private Instant neededBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RequestStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "target_hours", nullable = false)
    private int targetHours;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "handler_id")
    private Long handlerId;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "first_answer_at")
    private Instant firstAnswerAt;

    /** Working minutes from creation to the first answer: what the manager's median reads. */
    @Column(name = "first_answer_minutes")
    private Long firstAnswerMinutes;

    @Column(name = "within_level")
    private Boolean withinLevel;

    @Column(name = "closed_at")
    private Instant closedAt;

    private String answer;

    @Column(name = "decline_reason")
    private String declineReason;

    @Column(name = "information_asked")
    private String informationAsked;

    @Column(name = "information_given")
    private String informationGiven;

    private Boolean useful;

    @Column(name = "rating_comment")
    private String ratingComment;

    @Column(name = "rated_at")
    private Instant ratedAt;

    protected Request() {
    }

    /**
     * A new request, due {@code level} working hours after now. {@code toUserDepartment}: the department of the person
     * it is addressed to, when one is (they must work in the department addressed).
     */
    public static Request open(NewRequest r, Department toUserDepartment, Actor requester, Instant now,
                               int level, WorkingHours hours) {
        requester.require(Permission.SEND_REQUESTS);
        RuleViolation.Collector broken = RuleViolation.collect();
        broken.unless(r.toDepartment() != null, "toDepartment", RuleViolation.REQUIRED);
        broken.unless(r.kind() != null, "kind", RuleViolation.REQUIRED);
        broken.unless(r.toUserId() == null || r.toDepartment() == null || r.toDepartment() == toUserDepartment,
                "toUserId", "request.person.otherDepartment");
        broken.unless(r.toUserId() == null || r.toUserId() != requester.userId(), "toUserId", "request.person.self");
        broken.unless(r.neededBy() == null || r.neededBy().isAfter(now), "neededBy", "request.neededBy.past");
        String needed = broken.check(() -> Text.required(r.needed(), MAX_TEXT, "needed"));
        broken.throwIfAny();
        if ((r.subject() == null) != (r.subjectId() == null)) {
            throw new IllegalArgumentException("a request is about a record by its kind and its id, or about none");
        }
        Request request = new Request();
        request.companyId = r.companyId();
        request.subject = r.subject();
        request.subjectId = r.subjectId();
        request.requesterId = requester.userId();
        request.fromDepartment = requester.department();
        request.toDepartment = r.toDepartment();
        request.toUserId = r.toUserId();
        request.kind = r.kind();
        request.needed = needed;
        request.neededBy = r.neededBy();
        request.status = RequestStatus.NEW;
        request.createdAt = now;
        request.targetHours = level;
        request.dueAt = hours.plus(now, level);
        return request;
    }

    /** Whether this user may answer it: someone of the receiving department, or the person it is addressed to. */
    public boolean mayBeHandledBy(Actor actor) {
        return actor.can(Permission.ANSWER_REQUESTS)
                && (actor.department() == toDepartment || Long.valueOf(actor.userId()).equals(toUserId));
    }

    public boolean isRequester(Actor actor) {
        return actor.userId() == requesterId;
    }

    /** Someone of the receiving department takes it: it is theirs. No answer yet. */
    public void accept(Actor actor, Instant now) {
        handling(actor, RequestStatus.NEW);
        status = RequestStatus.ACCEPTED;
        handlerId = actor.userId();
        acceptedAt = now;
    }

    /** The answer: what was done or what to tell the client. */
    public void complete(String whatWasDone, Actor actor, Instant now, WorkingHours hours) {
        answer = answerWith(whatWasDone, MAX_TEXT, "answer", RequestStatus.DONE, actor, now, hours);
    }

    public void decline(String reason, Actor actor, Instant now, WorkingHours hours) {
        declineReason = answerWith(reason, MAX_REASON, "reason", RequestStatus.DECLINED, actor, now, hours);
    }

    /** Back to the requester with a question; it counts as the first answer. */
    public void askForInformation(String question, Actor actor, Instant now, WorkingHours hours) {
        informationAsked = answerWith(question, MAX_REASON, "question", RequestStatus.NEEDS_INFORMATION, actor, now,
                hours);
    }

    /** The requester answers the question: the request is back in the queue (with its handler, if it had one). */
    public void giveInformation(String reply, Actor actor) {
        if (!isRequester(actor)) {
            throw new ForbiddenActionException("only the requester answers a question about their request");
        }
        if (status != RequestStatus.NEEDS_INFORMATION) {
            throw new IllegalStateException("no question is waiting for the requester");
        }
        informationGiven = Text.required(reply, MAX_TEXT, "reply");
        status = handlerId == null ? RequestStatus.NEW : RequestStatus.ACCEPTED;
    }

    /** The requester, the internal client, says whether the answer helped. Once. */
    public void rate(boolean wasUseful, String comment, Actor actor, Instant now) {
        if (!isRequester(actor)) {
            throw new ForbiddenActionException("only the requester rates the answer");
        }
        if (status != RequestStatus.DONE || ratedAt != null) {
            throw new IllegalStateException("only a done request not rated yet is rated");
        }
        RuleViolation.Collector broken = RuleViolation.collect();
        String said = broken.check(() -> Text.optional(comment, MAX_REASON, "comment"));
        broken.unless(wasUseful || said != null, "comment", "request.rate.whyNot");
        broken.throwIfAny();
        useful = wasUseful;
        ratingComment = said;
        ratedAt = now;
    }

    /** Still waiting in the queue after its due time. */
    public boolean overdue(Instant now) {
        return status.inQueue() && firstAnswerAt == null && now.isAfter(dueAt);
    }

    private void handling(Actor actor, RequestStatus... from) {
        if (!mayBeHandledBy(actor)) {
            throw new ForbiddenActionException("a request is answered by its receiving department");
        }
        for (RequestStatus s : from) {
            if (status == s) {
                return;
            }
        }
        throw new IllegalStateException("the request is " + status);
    }

    /**
     * One of the three answers of the receiving department (done, declined, a question back), with what it says: the
     * first one is the one the service level measures. Returns the text, as kept.
     */
    private String answerWith(String text, int max, String field, RequestStatus outcome, Actor actor, Instant now,
                              WorkingHours hours) {
        handling(actor, RequestStatus.NEW, RequestStatus.ACCEPTED);
        String said = Text.required(text, max, field);
        answered(actor, now, hours);
        status = outcome;
        if (outcome != RequestStatus.NEEDS_INFORMATION) {
            closedAt = now;
        }
        return said;
    }

    private void answered(Actor actor, Instant now, WorkingHours hours) {
        if (handlerId == null) {
            handlerId = actor.userId();
        }
        if (firstAnswerAt == null) {
            firstAnswerAt = now;
            firstAnswerMinutes = hours.minutesBetween(createdAt, now);
            withinLevel = !now.isAfter(dueAt);
        }
    }

    /** Working hours from creation to the first answer, rounded (null before it). */
    public Long hoursToFirstAnswer() {
        return firstAnswerMinutes == null ? null : Math.round(firstAnswerMinutes / 60.0);
    }

    public Long id() { return id; }
    public long version() { return version; }
    public long companyId() { return companyId; }
    public RequestSubject subject() { return subject; }
    public Long subjectId() { return subjectId; }
    public long requesterId() { return requesterId; }
    public Department fromDepartment() { return fromDepartment; }
    public Department toDepartment() { return toDepartment; }
    public Long toUserId() { return toUserId; }
    public RequestKind kind() { return kind; }
    public String needed() { return needed; }
    public Instant neededBy() { return neededBy; }
    public RequestStatus status() { return status; }
    public Instant createdAt() { return createdAt; }
    public int targetHours() { return targetHours; }
    public Instant dueAt() { return dueAt; }
    public Long handlerId() { return handlerId; }
    public Instant acceptedAt() { return acceptedAt; }
    public Instant firstAnswerAt() { return firstAnswerAt; }
    public Long firstAnswerMinutes() { return firstAnswerMinutes; }
    public Boolean withinLevel() { return withinLevel; }
    public Instant closedAt() { return closedAt; }
    public String answer() { return answer; }
    public String declineReason() { return declineReason; }
    public String informationAsked() { return informationAsked; }
    public String informationGiven() { return informationGiven; }
    public Boolean useful() { return useful; }
    public String ratingComment() { return ratingComment; }
    public Instant ratedAt() { return ratedAt; }
}
