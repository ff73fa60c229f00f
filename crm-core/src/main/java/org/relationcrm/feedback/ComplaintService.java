package org.relationcrm.feedback;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.relationcrm.client.Contact;
import org.relationcrm.client.ContactRepository;
import org.relationcrm.client.CompanyRepository;
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.LogInteraction;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.ForbiddenActionException;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserRepository;

/**
 * Complaints from opening to closing. Every step is told as a domain event ({@link ComplaintOpened},
 * {@link ComplaintTakenInHand}, {@link ComplaintEscalated}, {@link ComplaintResolved}, {@link ComplaintClosed},
 * {@link ComplaintReopened}) that lands on the client's 360° timeline; an answer to the client is logged there as
 * the exchange it was ({@link #respond}).
 */
@Service
@Transactional
public class ComplaintService {

    private final ComplaintRepository complaints;
    private final CompanyRepository companies;
    private final ContactRepository contacts;
    private final UserRepository users;
    private final InteractionService interactions;
    private final ApplicationEventPublisher events;
    private final SurveyService surveys;
    private final FeedbackSettings settings;
    private final Clock clock;

    public ComplaintService(ComplaintRepository complaints, CompanyRepository companies, ContactRepository contacts,
                            UserRepository users, InteractionService interactions, ApplicationEventPublisher events,
                            SurveyService surveys, FeedbackSettings settings, Clock clock) {
        this.complaints = complaints;
        this.companies = companies;
        this.contacts = contacts;
        this.users = users;
        this.interactions = interactions;
        this.events = events;
        this.surveys = surveys;
        this.settings = settings;
        this.clock = clock;
    }

    public Complaint open(NewComplaint details, Long ownerId, Actor actor) {
        actor.require(Permission.RECORD_COMPLAINTS);
        if (!companies.existsById(details.companyId())) {
            throw new NotFoundException("Company", details.companyId());
        }
        if (details.contactId() != null) {
            Contact person = contacts.findById(details.contactId())
                    .orElseThrow(() -> new IllegalArgumentException("unknown person"));
            if (!Long.valueOf(details.companyId()).equals(person.companyId())) {
                throw new IllegalArgumentException("the person must belong to the client");
            }
        }
        long owner = ownerId != null ? ownerId : actor.userId();
        User handler = handler(owner);
        if (!handler.role().grants(Permission.HANDLE_COMPLAINTS)) {
            throw new IllegalArgumentException("a complaint is owned by a support agent or a manager");
        }
        Complaint complaint = complaints.save(Complaint.open(details, owner, actor, clock.instant(), settings));
        events.publishEvent(new ComplaintOpened(complaint.id(), complaint.companyId(), complaint.contactId(),
                complaint.category(), complaint.severity(), complaint.subject(), complaint.description(), actor));
        return complaint;
    }

    /** The agent takes the case: it becomes theirs, in progress. No answer to the client (see {@link #respond}). */
    public Complaint takeInHand(long id, long expectedVersion, Actor actor) {
        Complaint complaint = handled(id, expectedVersion, actor);
        complaint.takeInHand(actor);
        events.publishEvent(new ComplaintTakenInHand(complaint.id(), complaint.companyId(), complaint.contactId(),
                complaint.subject(), actor));
        return complaint;
    }

    /**
     * The client was answered: what was said is logged on the client's timeline as an outbound exchange (with the
     * person who complained, under the complaint's subject), and the first answer is the complaint's first response.
     */
    public Complaint respond(long id, long expectedVersion, Channel channel, String whatWasSaid, Actor actor) {
        Complaint complaint = handled(id, expectedVersion, actor);
        Instant now = clock.instant();
        complaint.respond(now);
        interactions.log(new LogInteraction(complaint.companyId(),
                complaint.contactId() == null ? Set.of() : Set.of(complaint.contactId()), channel, Direction.OUTBOUND,
                now, complaint.subject(), whatWasSaid, null, null, null, null), actor);
        return complaint;
    }

    /**
     * Escalates, handing the case to {@code ownerId} (null: its owner stays, or from level 2 on, when the owner is
     * no manager, the manager who escalates takes it). The complaint refuses an owner who could not resolve it.
     */
    public Complaint escalate(long id, long expectedVersion, int level, String reason, Long ownerId, Actor actor) {
        Complaint complaint = handled(id, expectedVersion, actor);
        long owner = ownerId != null ? ownerId : complaint.ownerId();
        Role ownerRole = handler(owner).role();
        if (ownerId == null && level >= 2 && !ownerRole.grants(Permission.HANDLE_ESCALATED_COMPLAINTS)
                && actor.can(Permission.HANDLE_ESCALATED_COMPLAINTS)) {
            owner = actor.userId();
            ownerRole = actor.role();
        }
        complaint.escalate(level, reason, owner, ownerRole, actor, clock.instant());
        events.publishEvent(new ComplaintEscalated(complaint.id(), complaint.companyId(), complaint.contactId(),
                complaint.subject(), complaint.escalationLevel(), complaint.escalationReason(), actor));
        return complaint;
    }

    public Complaint resolve(long id, long expectedVersion, String resolution, RootCause cause, String causeDetail,
                             Actor actor) {
        Complaint complaint = handled(id, expectedVersion, actor);
        complaint.resolve(resolution, cause, causeDetail, clock.instant());
        events.publishEvent(new ComplaintResolved(complaint.id(), complaint.companyId(), complaint.contactId(),
                complaint.subject(), cause, complaint.resolution(), actor));
        return complaint;
    }

    /** Closing sends the person a CSAT survey right away (by email when they consented, else a link to copy). */
    public Complaint close(long id, long expectedVersion, Actor actor) {
        Complaint complaint = handled(id, expectedVersion, actor);
        complaint.close(clock.instant());
        events.publishEvent(new ComplaintClosed(complaint.id(), complaint.companyId(), complaint.contactId(),
                complaint.subject(), actor));
        if (complaint.contactId() != null) {
            surveys.complaintClosed(complaint, actor);
        }
        return complaint;
    }

    public Complaint reopen(long id, long expectedVersion, Actor actor) {
        Complaint complaint = handled(id, expectedVersion, actor);
        complaint.reopen();
        events.publishEvent(new ComplaintReopened(complaint.id(), complaint.companyId(), complaint.contactId(),
                complaint.subject(), actor));
        return complaint;
    }

    @Transactional(readOnly = true)
    public Complaint get(long id) {
        return complaints.findById(id).orElseThrow(() -> new NotFoundException("Complaint", id));
    }

    /**
     * The complaint as the agent saw it ({@code expectedVersion}, from the page they acted on): if someone acted on
     * it since (or the same click arrived twice), nothing is done and {@link StaleEditException} says so.
     */
    private Complaint handled(long id, long expectedVersion, Actor actor) {
        actor.require(Permission.HANDLE_COMPLAINTS);
        Complaint complaint = get(id);
        if (complaint.version() != expectedVersion) {
            throw new StaleEditException("Complaint", expectedVersion, complaint.version());
        }
        if (!complaint.mayBeHandledBy(actor)) {
            throw new ForbiddenActionException("a complaint escalated to level 2 or more is handled by a manager");
        }
        return complaint;
    }

    /** An enabled user (a complaint's owner must be able to act on it). */
    private User handler(long userId) {
        User user = users.findById(userId).orElseThrow(() -> new IllegalArgumentException("unknown owner"));
        if (!user.enabled()) {
            throw new IllegalArgumentException("a disabled user owns no complaint");
        }
        return user;
    }
}
