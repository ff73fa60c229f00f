package org.relationcrm.feedback;

import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.relationcrm.client.CompanyRepository;
import org.relationcrm.interaction.Interaction;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.TimelineEvent;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.team.Actor;

/**
 * Care after signature. The pipeline calls {@link #opportunityWon} when a deal is WON: the win is recorded, its
 * product lines become held, the owner gets check-ins at day 7, 30 and 90 (settings), and an NPS survey is planned
 * 30 days later for the deal's contact.
 */
@Service
@Transactional
public class CustomerCare {

    private final CustomerRecords records;
    private final CompanyRepository companies;
    private final InteractionService timeline;
    private final SurveyService surveys;
    private final FeedbackSettings settings;

    public CustomerCare(CustomerRecords records, CompanyRepository companies, InteractionService timeline,
                        SurveyService surveys, FeedbackSettings settings) {
        this.records = records;
        this.companies = companies;
        this.timeline = timeline;
        this.surveys = surveys;
        this.settings = settings;
    }

    /** Idempotent per opportunity: calling it twice for the same deal creates nothing more. */
    public void opportunityWon(WonDeal deal, Actor actor) {
        if (!companies.existsById(deal.companyId())) {
            throw new NotFoundException("Company", deal.companyId());
        }
        if (!records.recordWin(deal)) {
            return;
        }
        for (Long line : deal.productLineIds()) {
            records.hold(deal.companyId(), line, "WON", deal.opportunityId(), deal.wonOn(), actor.userId());
        }
        Set<Long> people = deal.contactId() == null ? Set.of() : Set.of(deal.contactId());
        for (int day : settings.carePlanDays()) {
            Interaction checkIn = timeline.recordEvent(new TimelineEvent(deal.companyId(), people, "CARE_CHECK_IN",
                    "Suivi après signature : point à J+" + day, null, "OPPORTUNITY", deal.opportunityId()), actor);
            checkIn.planNextStep("Point de suivi J+" + day + " après la signature", deal.wonOn().plusDays(day),
                    deal.ownerId());
        }
        if (deal.contactId() != null) {
            surveys.planAfterWin(deal.companyId(), deal.contactId(), deal.opportunityId(), deal.ownerId(), deal.wonOn());
        }
    }
}
