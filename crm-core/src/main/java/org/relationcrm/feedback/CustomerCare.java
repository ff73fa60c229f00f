package org.relationcrm.feedback;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import org.relationcrm.client.CompanyRepository;
import org.relationcrm.pipeline.OpportunityWon;
import org.relationcrm.shared.NotFoundException;

/**
 * Care after signature, started by {@link OpportunityWon}: the win is recorded, its product lines become held, the
 * owner gets check-ins at day 7, 30 and 90 (settings; each a {@link CareCheckInPlanned} on the timeline), and an NPS
 * survey is planned 30 days later for the deal's contact.
 * <p>
 * <b>Why after commit, through the event publication registry.</b> The care plan is another feature's side effect of
 * the win, not part of it: a failure here must neither undo the win nor be lost. So this listener runs after the
 * pipeline's transaction has committed ({@code @TransactionalEventListener}, AFTER_COMMIT), in a transaction of its
 * own ({@code REQUIRES_NEW}), on the thread of the request that won the deal (the user sees the check-ins on the next
 * page, as before). Spring Modulith's JDBC registry (table {@code event_publication}, V22) writes one row for this
 * listener in the win's own transaction; the row is deleted when the listener succeeds and kept as FAILED when it
 * throws, and the resubmission job retries it (see {@code EventPublicationJobs} in crm-web). A retry may follow a
 * run that committed but could not be marked done (a crash in between), so the listener is idempotent per deal:
 * {@link CustomerRecords#recordWin} says whether the win was new.
 */
@Service
public class CustomerCare {

    /** The registry knows the listener by this id: renaming the method keeps pending publications deliverable. */
    public static final String LISTENER_ID = "feedback.care-after-signature";

    private final CustomerRecords records;
    private final CompanyRepository companies;
    private final SurveyService surveys;
    private final FeedbackSettings settings;
    private final ApplicationEventPublisher events;

    public CustomerCare(CustomerRecords records, CompanyRepository companies, SurveyService surveys,
                        FeedbackSettings settings, ApplicationEventPublisher events) {
        this.records = records;
        this.companies = companies;
        this.surveys = surveys;
        this.settings = settings;
        this.events = events;
    }

    /** Idempotent per opportunity: a second delivery of the same win creates nothing more. */
    @TransactionalEventListener(id = LISTENER_ID)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void opportunityWon(OpportunityWon won) {
        if (!companies.existsById(won.companyId())) {
            throw new NotFoundException("Company", won.companyId());
        }
        WonDeal deal = new WonDeal(won.opportunityId(), won.companyId(), won.contactId(), won.ownerId(), won.amount(),
                won.wonOn(), won.productLineIds());
        if (!records.recordWin(deal)) {
            return;
        }
        for (Long line : deal.productLineIds()) {
            records.hold(deal.companyId(), line, "WON", deal.opportunityId(), deal.wonOn(), won.actor().userId());
        }
        var people = deal.contactId() == null ? java.util.Set.<Long>of() : java.util.Set.of(deal.contactId());
        for (int day : settings.carePlanDays()) {
            events.publishEvent(new CareCheckInPlanned(deal.opportunityId(), deal.companyId(), people, day,
                    deal.wonOn().plusDays(day), deal.ownerId(), won.actor()));
        }
        if (deal.contactId() != null) {
            surveys.planAfterWin(deal.companyId(), deal.contactId(), deal.opportunityId(), deal.ownerId(), deal.wonOn());
        }
    }
}
