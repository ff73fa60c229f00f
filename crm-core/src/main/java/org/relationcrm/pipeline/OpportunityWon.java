package org.relationcrm.pipeline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.relationcrm.interaction.OnTimeline;
import org.relationcrm.interaction.TimelineEvent;
import org.relationcrm.interaction.TimelineEventType;
import org.relationcrm.interaction.TimelineEventType.Arg;
import org.relationcrm.team.Actor;

/**
 * A deal was won. Besides its timeline line, the feedback feature starts the care after signature from it (check-ins,
 * product lines held, the NPS survey) in a listener of its own, after the win has committed.
 *
 * @param contactId the deal's first person (the one the NPS survey goes to), or null
 * @param wonOn     the day of the win in the company's time zone
 */
public record OpportunityWon(long opportunityId, long companyId, Set<Long> contactIds, Long contactId, long ownerId,
                             String title, BigDecimal amount, String currency, LocalDate wonOn,
                             Set<Long> productLineIds, Actor actor) implements OnTimeline {

    public OpportunityWon {
        contactIds = contactIds == null ? Set.of() : Set.copyOf(contactIds);
        productLineIds = productLineIds == null ? Set.of() : Set.copyOf(productLineIds);
    }

    @Override
    public TimelineEvent timelineEvent() {
        return new TimelineEvent(TimelineEventType.OPPORTUNITY_WON, actor, companyId, contactIds, opportunityId,
                Map.of(Arg.TITLE, title, Arg.AMOUNT, amount.toPlainString(), Arg.CURRENCY, currency), null, null);
    }
}
