package org.relationcrm.request;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.relationcrm.client.CompanyRepository;
import org.relationcrm.request.internal.RequestQueries;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;
import org.relationcrm.team.User;
import org.relationcrm.team.UserRepository;

/**
 * Requests from sending to rating. Each step is told as a domain event ({@link RequestSent}, {@link RequestAccepted},
 * {@link RequestAnswered}, {@link RequestInformationGiven}, {@link RequestRated}); those that matter to the client
 * land on its timeline. Every step acts on the version the user saw ({@link StaleEditException} otherwise).
 */
@Service
@Transactional
public class RequestService {

    private final RequestRepository requests;
    private final ServiceLevels levels;
    private final CompanyRepository companies;
    private final UserRepository users;
    private final RequestQueries queries;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final WorkingHours hours;

    public RequestService(RequestRepository requests, ServiceLevels levels, CompanyRepository companies,
                          UserRepository users, RequestQueries queries, ApplicationEventPublisher events, Clock clock) {
        this.requests = requests;
        this.levels = levels;
        this.companies = companies;
        this.users = users;
        this.queries = queries;
        this.events = events;
        this.clock = clock;
        this.hours = new WorkingHours(clock.getZone());
    }

    public Request send(NewRequest details, Actor actor) {
        if (!companies.existsById(details.companyId())) {
            throw new NotFoundException("Company", details.companyId());
        }
        if (details.subject() != null && details.subjectId() != null
                && !queries.subjectBelongsTo(details.subject(), details.subjectId(), details.companyId())) {
            throw new IllegalArgumentException("the deal or complaint must be one of the client's");
        }
        Department personDepartment = null;
        if (details.toUserId() != null) {
            // someone still in the team who answers requests
            User person = users.findById(details.toUserId())
                    .filter(u -> u.enabled() && u.role().grants(Permission.ANSWER_REQUESTS))
                    .orElseThrow(() -> new RuleViolation("toUserId", "request.person.unknown"));
            personDepartment = person.department();
        }
        int target = details.kind() == null || details.toDepartment() == null ? 0
                : levels.targetHours(details.kind(), details.toDepartment());
        Request request = requests.save(Request.open(details, personDepartment, actor, clock.instant(), target, hours));
        events.publishEvent(new RequestSent(request.id(), request.companyId(), request.fromDepartment(),
                request.toDepartment(), request.toUserId(), request.kind(), request.needed(), actor));
        return request;
    }

    public Request accept(long id, long expectedVersion, Actor actor) {
        Request request = current(id, expectedVersion);
        request.accept(actor, clock.instant());
        events.publishEvent(new RequestAccepted(request.id(), request.companyId(), actor));
        return request;
    }

    public Request complete(long id, long expectedVersion, String answer, Actor actor) {
        Request request = current(id, expectedVersion);
        request.complete(answer, actor, clock.instant(), hours);
        answered(request, request.answer(), actor);
        return request;
    }

    public Request decline(long id, long expectedVersion, String reason, Actor actor) {
        Request request = current(id, expectedVersion);
        request.decline(reason, actor, clock.instant(), hours);
        answered(request, request.declineReason(), actor);
        return request;
    }

    public Request askForInformation(long id, long expectedVersion, String question, Actor actor) {
        Request request = current(id, expectedVersion);
        request.askForInformation(question, actor, clock.instant(), hours);
        answered(request, request.informationAsked(), actor);
        return request;
    }

    public Request giveInformation(long id, long expectedVersion, String reply, Actor actor) {
        Request request = current(id, expectedVersion);
        request.giveInformation(reply, actor);
        events.publishEvent(new RequestInformationGiven(request.id(), request.companyId(), actor));
        return request;
    }

    public Request rate(long id, long expectedVersion, boolean useful, String comment, Actor actor) {
        Request request = current(id, expectedVersion);
        request.rate(useful, comment, actor, clock.instant());
        events.publishEvent(new RequestRated(request.id(), request.companyId(), useful, actor));
        return request;
    }

    @Transactional(readOnly = true)
    public Request get(long id) {
        return requests.findById(id).orElseThrow(() -> new NotFoundException("Request", id));
    }

    /** The company's working hours, as due times count them. */
    public WorkingHours workingHours() {
        return hours;
    }

    /** Working hours elapsed since {@code since}, now (for a request still waiting). */
    public long workingHoursSince(Instant since) {
        return Math.round(hours.minutesBetween(since, clock.instant()) / 60.0);
    }

    private void answered(Request request, String text, Actor actor) {
        long taken = Math.round(hours.minutesBetween(request.createdAt(), clock.instant()) / 60.0);
        events.publishEvent(new RequestAnswered(request.id(), request.companyId(), request.status(), actor.department(),
                request.fromDepartment(), request.kind(), taken, Boolean.TRUE.equals(request.withinLevel()), text, actor));
    }

    private Request current(long id, long expectedVersion) {
        Request request = get(id);
        if (request.version() != expectedVersion) {
            throw new StaleEditException("Request", expectedVersion, request.version());
        }
        return request;
    }
}
