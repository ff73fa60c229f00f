package org.relationcrm.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.relationcrm.client.ClientRecordService;
import org.relationcrm.client.CompanyRepository;
import org.relationcrm.client.ContactCard;
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.Interaction;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.LogInteraction;
import org.relationcrm.pipeline.internal.MeetingPrepRepository;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.ForbiddenActionException;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;

/** Preparing a meeting with the client's context at hand, and writing its report afterwards. */
@Service
@Transactional
public class MeetingService {

    public static final int LAST_INTERACTIONS = 5;

    private final MeetingPrepRepository preps;
    private final CompanyRepository companies;
    private final OpportunityService opportunities;
    private final InteractionService interactions;
    private final ClientRecordService records;
    private final PipelineQueries queries;
    private final Clock clock;

    public MeetingService(MeetingPrepRepository preps, CompanyRepository companies, OpportunityService opportunities,
                          InteractionService interactions, ClientRecordService records, PipelineQueries queries,
                          Clock clock) {
        this.preps = preps;
        this.companies = companies;
        this.opportunities = opportunities;
        this.interactions = interactions;
        this.records = records;
        this.queries = queries;
        this.clock = clock;
    }

    public MeetingPrep prepare(long companyId, Long opportunityId, MeetingPlan plan, Actor actor) {
        requireSalesOrManager(actor);
        if (!companies.existsById(companyId)) {
            throw new NotFoundException("Company", companyId);
        }
        if (opportunityId != null && opportunities.get(opportunityId).companyId() != companyId) {
            throw new IllegalArgumentException("the opportunity is not this company's");
        }
        if (opportunityId != null) {
            opportunities.requireManageable(opportunityId, actor);
        }
        for (long contactId : plan.contactIds()) { // an unknown person is a NotFoundException
            Long personsCompany = records.personRecord(contactId).contact().companyId();
            if (personsCompany == null || personsCompany != companyId) {
                throw new IllegalArgumentException("every person at the meeting must belong to its company");
            }
        }
        return preps.save(new MeetingPrep(companyId, opportunityId, plan, actor, clock.instant()));
    }

    /**
     * Saves what was said as a MEETING interaction linked to the preparation; the deal's next step is updated
     * (or, without a deal, the interaction carries it).
     */
    public Interaction report(long meetingId, long expectedVersion, String summary, String outcome,
                              String nextStepAction, LocalDate nextStepDue, Actor actor) {
        MeetingPrep prep = reportable(meetingId, actor);
        if (prep.version() != expectedVersion) {
            throw new StaleEditException("MeetingPrep", expectedVersion, prep.version());
        }
        Instant now = clock.instant();
        Instant occurredAt = prep.meetingAt().isAfter(now) ? now : prep.meetingAt();
        boolean onDeal = prep.opportunityId() != null && opportunities.get(prep.opportunityId()).stage().isOpen();
        Interaction report = interactions.log(new LogInteraction(prep.companyId(), prep.contactIds(), Channel.MEETING,
                Direction.OUTBOUND, occurredAt, prep.title(), summary, outcome, null,
                onDeal ? null : nextStepAction, onDeal ? null : nextStepDue), actor);
        prep.reportedAs(report.id());
        if (onDeal) {
            if (nextStepAction != null && !nextStepAction.isBlank()) {
                opportunities.planNextStepAfterMeeting(prep.opportunityId(),
                        new NextStepPlan(nextStepAction, nextStepDue), actor);
            } else {
                opportunities.touch(prep.opportunityId(), actor);
            }
        }
        return report;
    }

    /**
     * The meeting whose report this user may write: on a deal, whoever may manage the deal (its owner, a manager);
     * without a deal, its author or a manager.
     */
    @Transactional(readOnly = true)
    public MeetingPrep reportable(long id, Actor actor) {
        requireSalesOrManager(actor);
        MeetingPrep prep = get(id);
        if (prep.opportunityId() != null) {
            opportunities.requireManageable(prep.opportunityId(), actor);
        } else if (prep.authorId() != actor.userId() && !actor.can(Permission.MANAGE_ALL_DEALS)) {
            throw new ForbiddenActionException("only the author or a manager reports this meeting");
        }
        return prep;
    }

    /** Whether this user may write the meeting's report (see {@link #reportable}). */
    @Transactional(readOnly = true)
    public boolean canReport(MeetingPrep prep, Actor actor) {
        if (!actor.can(Permission.MANAGE_DEALS)) {
            return false;
        }
        if (prep.opportunityId() != null) {
            return opportunities.get(prep.opportunityId()).canBeManagedBy(actor);
        }
        return prep.authorId() == actor.userId() || actor.can(Permission.MANAGE_ALL_DEALS);
    }

    @Transactional(readOnly = true)
    public MeetingPrep get(long id) {
        MeetingPrep prep = preps.findById(id).orElseThrow(() -> new NotFoundException("MeetingPrep", id));
        prep.contactIds(); // read while the session is open
        return prep;
    }

    /** The client context block: a fixed number of statements whatever the client's history. */
    @Transactional(readOnly = true)
    public MeetingContext context(long companyId, java.util.Set<Long> attendingIds) {
        var record = records.companyRecord(companyId);
        List<ContactCard> attending = record.contacts().stream()
                .filter(c -> attendingIds.isEmpty() ? c.primaryContact() : attendingIds.contains(c.id())).toList();
        return new MeetingContext(attending, queries.lastInteractions(companyId, LAST_INTERACTIONS),
                queries.openComplaints(companyId, 10), queries.productsHeld(companyId), queries.openOfCompany(companyId, 20), record.upcomingDates());
    }

    private static void requireSalesOrManager(Actor actor) {
        if (!actor.can(Permission.MANAGE_DEALS)) {
            throw new ForbiddenActionException("role " + actor.role() + " does not prepare meetings");
        }
    }
}
