package org.relationcrm.pipeline;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.relationcrm.client.CompanyRepository;
import org.relationcrm.client.Contact;
import org.relationcrm.client.ContactRepository;
import org.relationcrm.shared.BulkOutcome;
import org.relationcrm.shared.ForbiddenActionException;
import org.relationcrm.shared.ItemRef;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;
import org.relationcrm.team.UserRepository;

/**
 * Opening, editing, moving and closing deals, and the concessions granted on them. What happens to a deal is told
 * to the other features as domain events ({@link OpportunityOpened}, {@link OpportunityStageChanged},
 * {@link OpportunityWon}, {@link OpportunityLost}): the timeline writes their line, feedback starts its care plan
 * after a win. This service calls neither.
 */
@Service
@Transactional
public class OpportunityService {

    private final OpportunityRepository opportunities;
    private final CompanyRepository companies;
    private final ContactRepository contacts;
    private final UserRepository users;
    private final PipelineSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public OpportunityService(OpportunityRepository opportunities, CompanyRepository companies,
                              ContactRepository contacts, UserRepository users, PipelineSettings settings,
                              ApplicationEventPublisher events, Clock clock) {
        this.opportunities = opportunities;
        this.companies = companies;
        this.contacts = contacts;
        this.users = users;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    public Opportunity open(long companyId, Stage stage, OpportunityDetails details, NextStepPlan next, Actor actor) {
        requireSalesOrManager(actor);
        if (!companies.existsById(companyId)) {
            throw new NotFoundException("Company", companyId);
        }
        checkOwnerAndPeople(companyId, details, actor);
        Opportunity opportunity = opportunities.save(
                Opportunity.open(companyId, stage, details, next, actor, clock.instant(), settings));
        events.publishEvent(new OpportunityOpened(opportunity.id(), companyId, opportunity.contactIds(),
                opportunity.title(), opportunity.amount(), opportunity.currency(), actor));
        return opportunity;
    }

    /** Saves an edit made on {@code expectedVersion}; if someone saved in between, nothing is written. */
    public Opportunity revise(long id, long expectedVersion, OpportunityDetails details, Actor actor) {
        Opportunity opportunity = manageable(id, actor);
        requireVersion(opportunity, expectedVersion);
        checkOwnerAndPeople(opportunity.companyId(), details, actor);
        opportunity.revise(details, clock.instant(), settings);
        return opportunity;
    }

    /** Moves the deal as the user saw it at {@code expectedVersion}; if it changed since, nothing is written. */
    public Opportunity moveTo(long id, long expectedVersion, Stage to, NextStepPlan next, LostReason reason,
                              String comment, Actor actor) {
        Opportunity opportunity = manageable(id, actor);
        requireVersion(opportunity, expectedVersion);
        Stage from = opportunity.stage();
        opportunity.moveTo(to, next, reason, comment, actor, clock.instant(), settings);
        events.publishEvent(switch (to) {
            // Silence after signature loses clients: feedback's care plan, the lines now held and the NPS start here.
            case WON -> new OpportunityWon(opportunity.id(), opportunity.companyId(), opportunity.contactIds(),
                    opportunity.contactIds().stream().sorted().findFirst().orElse(null), opportunity.ownerId(),
                    opportunity.title(), opportunity.amount(), opportunity.currency(),
                    LocalDate.ofInstant(opportunity.closedAt(), clock.getZone()), opportunity.productLineIds(), actor);
            case LOST -> new OpportunityLost(opportunity.id(), opportunity.companyId(), opportunity.contactIds(),
                    opportunity.title(), reason, opportunity.lostComment(), actor);
            default -> new OpportunityStageChanged(opportunity.id(), opportunity.companyId(),
                    opportunity.contactIds(), opportunity.title(), from, to, opportunity.nextStep(), actor);
        });
        return opportunity;
    }

    /** The next step that replaces the one done, planned on the deal as the user saw it. */
    public Opportunity planNextStep(long id, long expectedVersion, NextStepPlan next, Actor actor) {
        Opportunity opportunity = manageable(id, actor);
        requireVersion(opportunity, expectedVersion);
        opportunity.planNextStep(next, clock.instant());
        return opportunity;
    }

    /**
     * Moves the next steps of the selected deals to {@code dueOn}, each deal as the user saw it; a deal changed
     * meanwhile, or not the user's to manage, is left as it is and counted. One statement reads them all.
     */
    public BulkOutcome rescheduleNextSteps(Collection<ItemRef> items, LocalDate dueOn, Actor actor) {
        LocalDate today = LocalDate.now(clock);
        if (dueOn == null || dueOn.isBefore(today)) {
            throw new IllegalArgumentException("a next step is rescheduled to today or later");
        }
        return each(items, o -> o.canBeManagedBy(actor), o -> o.rescheduleNextStep(dueOn, today, clock.instant()));
    }

    /**
     * Gives the selected deals, with their next steps, to another owner: only someone who manages every deal does
     * (the others' are refused), and only to an active user who manages deals (otherwise every deal is kept).
     */
    public BulkOutcome handOver(Collection<ItemRef> items, long ownerId, Actor actor) {
        if (!actor.can(Permission.MANAGE_ALL_DEALS)) {
            return each(items, o -> false, o -> { });
        }
        boolean able = users.findById(ownerId)
                .filter(u -> u.enabled() && u.asActor().can(Permission.MANAGE_DEALS)).isPresent();
        return able ? each(items, o -> true, o -> o.handOver(ownerId)) : BulkOutcome.kept(items.size());
    }

    private BulkOutcome each(Collection<ItemRef> items, Predicate<Opportunity> allowed, Consumer<Opportunity> action) {
        if (items.isEmpty()) {
            return BulkOutcome.NONE;
        }
        return BulkOutcome.apply(items, opportunities.findAllByIdIn(BulkOutcome.ids(items)), Opportunity::id,
                Opportunity::version, o -> o.stage().isOpen() && o.nextStep() != null, allowed, action);
    }

    /** The next step decided in a meeting's report: the meeting, not a page of the deal, is what the user saw. */
    Opportunity planNextStepAfterMeeting(long id, NextStepPlan next, Actor actor) {
        Opportunity opportunity = manageable(id, actor);
        opportunity.planNextStep(next, clock.instant());
        return opportunity;
    }

    /**
     * A concession granted on the deal as the user saw it (its concessions so far decide whether this one needs a
     * manager's approval); if the deal changed since, nothing is written.
     */
    public Concession grantConcession(long id, long expectedVersion, ConcessionType type, ValueKind kind,
                                      BigDecimal value, Counterpart counterpart, String detail, Actor actor) {
        Opportunity opportunity = manageable(id, actor);
        requireVersion(opportunity, expectedVersion);
        Concession concession = opportunity.grantConcession(type, kind, value, counterpart, detail, actor,
                clock.instant(), settings);
        opportunities.flush();
        return concession;
    }

    public Concession decideConcession(long opportunityId, long concessionId, boolean approve, Actor actor) {
        if (!actor.can(Permission.APPROVE_CONCESSIONS)) {
            throw new ForbiddenActionException("only a manager approves concessions");
        }
        return get(opportunityId).decideConcession(concessionId, approve, actor, clock.instant());
    }

    /** Something happened on the deal: a meeting was reported by someone who may manage it. */
    void touch(long id, Actor actor) {
        manageable(id, actor).touch(clock.instant());
    }

    /** Who may prepare a meeting on the deal, open its report and file it: who may manage the deal. */
    public void requireManageable(long id, Actor actor) {
        manageable(id, actor);
    }

    @Transactional(readOnly = true)
    public Opportunity get(long id) {
        return opportunities.findById(id).orElseThrow(() -> new NotFoundException("Opportunity", id));
    }

    /** The whole deal for its page: history, concessions, people and product lines read while the session is open. */
    @Transactional(readOnly = true)
    public Opportunity load(long id) {
        Opportunity opportunity = get(id);
        opportunity.stageChanges();
        opportunity.concessions();
        opportunity.contactIds();
        opportunity.productLineIds();
        return opportunity;
    }

    private Opportunity manageable(long id, Actor actor) {
        Opportunity opportunity = get(id);
        if (!opportunity.canBeManagedBy(actor)) {
            throw new ForbiddenActionException("only the owner or a manager manages this opportunity");
        }
        return opportunity;
    }

    private static void requireSalesOrManager(Actor actor) {
        if (!actor.can(Permission.MANAGE_DEALS)) {
            throw new ForbiddenActionException("role " + actor.role() + " does not manage opportunities");
        }
    }

    private static void requireVersion(Opportunity opportunity, long expectedVersion) {
        if (opportunity.version() != expectedVersion) {
            throw new StaleEditException("Opportunity", expectedVersion, opportunity.version());
        }
    }

    private void checkOwnerAndPeople(long companyId, OpportunityDetails details, Actor actor) {
        if (!actor.can(Permission.MANAGE_ALL_DEALS) && details.ownerId() != actor.userId()) {
            throw new ForbiddenActionException("a sales rep manages their own opportunities only");
        }
        if (users.findById(details.ownerId()).filter(u -> u.enabled()).isEmpty()) {
            throw new IllegalArgumentException("owner must be an active user");
        }
        if (!details.contactIds().isEmpty()) {
            List<Contact> people = contacts.findAllByIdIn(details.contactIds());
            if (people.size() != details.contactIds().size()
                    || people.stream().anyMatch(p -> p.companyId() == null || p.companyId() != companyId)) {
                throw new IllegalArgumentException("every person of the opportunity must belong to its company");
            }
        }
    }
}
