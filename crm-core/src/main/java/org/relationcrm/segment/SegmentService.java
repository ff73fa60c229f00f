package org.relationcrm.segment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.relationcrm.feedback.SurveyKind;
import org.relationcrm.feedback.SurveyService;
import org.relationcrm.shared.ForbiddenActionException;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.Slice;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;
import org.relationcrm.team.UserRepository;

/**
 * Segments: defined, counted, listed, and turned into an export, a call list or a survey send. A private segment of
 * someone else does not exist for the reader ({@link NotFoundException}).
 */
@Service
@Transactional
public class SegmentService {

    public static final int PAGE_SIZE = 25;
    /** The most calls one call list plans, and people one survey send reaches. */
    public static final int MAX_CALLS = 200;
    public static final int MAX_SURVEYS = 500;

    /** Code of the rule "a call is planned for today or later". */
    public static final String DUE_IN_PAST = "segment.calls.dueInPast";
    /** Code of the rule "a call list needs at least one person". */
    public static final String NO_CALLS = "segment.calls.none";
    /** Code of the rule "the assignee follows up interactions". */
    public static final String BAD_ASSIGNEE = "segment.calls.assignee.invalid";

    private final SegmentRepository segments;
    private final SegmentQueries queries;
    private final SurveyService surveys;
    private final UserRepository users;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int surveyMinDays;

    public SegmentService(SegmentRepository segments, SegmentQueries queries, SurveyService surveys,
                          UserRepository users, ApplicationEventPublisher events, Clock clock,
                          @Value("${relation.segment.survey-min-days:90}") int surveyMinDays) {
        this.segments = segments;
        this.queries = queries;
        this.surveys = surveys;
        this.users = users;
        this.events = events;
        this.clock = clock;
        this.surveyMinDays = surveyMinDays;
    }

    /** Nobody is surveyed again by a segment send within this many days of their last survey. */
    public int surveyMinDays() {
        return surveyMinDays;
    }

    public Segment create(String name, boolean shared, SegmentCriteria criteria, Actor author) {
        return segments.save(Segment.define(name, shared, criteria, author, clock.instant()));
    }

    public Segment revise(long id, long expectedVersion, String name, boolean shared, SegmentCriteria criteria,
                          Actor actor) {
        Segment segment = get(id, actor);
        if (!segment.isEditableBy(actor)) {
            throw new ForbiddenActionException("only its author changes a segment");
        }
        if (segment.version() != expectedVersion) {
            throw new StaleEditException("Segment", expectedVersion, segment.version());
        }
        segment.revise(name, shared, criteria, actor, clock.instant());
        return segment;
    }

    public void delete(long id, long expectedVersion, Actor actor) {
        Segment segment = get(id, actor);
        if (!segment.isEditableBy(actor)) {
            throw new ForbiddenActionException("only its author deletes a segment");
        }
        if (segment.version() != expectedVersion) {
            throw new StaleEditException("Segment", expectedVersion, segment.version());
        }
        segments.delete(segment);
    }

    /** The segment, if this user may read it; someone else's private segment is not found. */
    @Transactional(readOnly = true)
    public Segment get(long id, Actor actor) {
        actor.require(Permission.USE_SEGMENTS);
        return segments.findById(id).filter(s -> s.isReadableBy(actor))
                .orElseThrow(() -> new NotFoundException("Segment", id));
    }

    @Transactional(readOnly = true)
    public List<SegmentSummary> visible(Actor actor) {
        actor.require(Permission.USE_SEGMENTS);
        return queries.visibleTo(actor.userId());
    }

    /** The live count of criteria being edited (checked first: out-of-range criteria are a rule violation). */
    @Transactional(readOnly = true)
    public SegmentCount count(SegmentCriteria criteria, Actor actor) {
        actor.require(Permission.USE_SEGMENTS);
        criteria.check();
        return queries.count(criteria, today());
    }

    @Transactional(readOnly = true)
    public Slice<SegmentClient, ClientCursor> clients(long id, ClientCursor after, Actor actor) {
        return queries.clients(get(id, actor).criteria(), today(), after, PAGE_SIZE);
    }

    /** The people a call list would reach (at most {@link #MAX_CALLS}, those who refuse calls included, marked). */
    @Transactional(readOnly = true)
    public List<SegmentPerson> callCandidates(long id, Actor actor) {
        actor.require(Permission.LOG_INTERACTIONS);
        return queries.people(get(id, actor).criteria(), today(), MAX_CALLS);
    }

    /**
     * Plans one call per chosen person of the segment, due on {@code dueOn}, for {@code assigneeId} (null: each
     * client's owner), with the message the rep personalised. People who refuse calls are left out. Planning calls
     * for someone else takes {@link Permission#MANAGE_TEAM_FOLLOW_UPS}.
     */
    public CallListOutcome planCalls(long id, Collection<PlannedCall> calls, LocalDate dueOn, Long assigneeId,
                                     Actor actor) {
        actor.require(Permission.LOG_INTERACTIONS);
        Segment segment = get(id, actor);
        RuleViolation.Collector broken = RuleViolation.collect();
        broken.unless(dueOn != null, "dueOn", RuleViolation.REQUIRED);
        broken.unless(dueOn == null || !dueOn.isBefore(today()), "dueOn", DUE_IN_PAST);
        broken.unless(!calls.isEmpty(), "calls", NO_CALLS);
        broken.unless(assigneeId == null || users.findById(assigneeId)
                .filter(u -> u.enabled() && u.asActor().can(Permission.LOG_INTERACTIONS)).isPresent(),
                "assigneeId", BAD_ASSIGNEE);
        for (PlannedCall call : calls) {
            if (call.message() != null && call.message().length() > MessageTemplate.MAX_LENGTH) {
                broken.unless(false, "calls", RuleViolation.TOO_LONG, "message", MessageTemplate.MAX_LENGTH, 0);
                break;
            }
        }
        broken.throwIfAny();
        Map<Long, SegmentPerson> kept = queries.people(segment.criteria(), today(), MAX_CALLS).stream()
                .collect(Collectors.toMap(SegmentPerson::contactId, Function.identity(), (a, b) -> a,
                        LinkedHashMap::new));
        int planned = 0;
        int withoutConsent = 0;
        for (PlannedCall call : calls) {
            SegmentPerson person = kept.get(call.contactId());
            if (person == null) {
                throw new IllegalArgumentException("person " + call.contactId() + " is not in the segment");
            }
            if (!person.consentPhone()) {
                withoutConsent++;
                continue;
            }
            long assignee = assigneeId != null ? assigneeId : person.ownerId();
            if (assignee != actor.userId() && !actor.can(Permission.MANAGE_TEAM_FOLLOW_UPS)) {
                throw new ForbiddenActionException("only a manager plans calls for someone else");
            }
            String message = call.message() == null || call.message().isBlank() ? null : call.message().strip();
            events.publishEvent(new CallPlanned(segment.id(), segment.name(), person.companyId(), person.contactId(),
                    person.fullName(), message, dueOn, assignee, actor));
            planned++;
        }
        return new CallListOutcome(planned, withoutConsent);
    }

    /**
     * Sends a survey by email to the segment's people (at most {@link #MAX_SURVEYS}): only to those who consent to
     * emails and have an address, and not to anyone surveyed within {@link #surveyMinDays()} days.
     */
    public SurveySendOutcome sendSurveys(long id, SurveyKind kind, Actor actor) {
        actor.require(Permission.SEND_SURVEYS);
        if (kind == null) {
            throw RuleViolation.required("kind");
        }
        Segment segment = get(id, actor);
        Instant recent = clock.instant().minus(Duration.ofDays(surveyMinDays));
        int sent = 0;
        int withoutConsent = 0;
        int surveyedRecently = 0;
        for (SegmentPerson person : queries.people(segment.criteria(), today(), MAX_SURVEYS)) {
            if (!person.consentEmail() || person.email() == null) {
                withoutConsent++;
            } else if (person.lastSurveyAt() != null && person.lastSurveyAt().isAfter(recent)) {
                surveyedRecently++;
            } else {
                surveys.send(kind, person.contactId(), true, actor);
                sent++;
            }
        }
        return new SurveySendOutcome(sent, withoutConsent, surveyedRecently);
    }

    /** Every person of the segment, streamed to {@code action} in one read-only transaction. */
    @Transactional(readOnly = true)
    public void export(long id, Actor actor, Consumer<SegmentPerson> action) {
        actor.require(Permission.EXPORT_SEGMENTS);
        queries.eachPerson(get(id, actor).criteria(), today(), action);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
