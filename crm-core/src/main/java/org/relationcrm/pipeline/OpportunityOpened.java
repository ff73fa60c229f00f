package org.relationcrm.pipeline;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import org.relationcrm.interaction.OnTimeline;
import org.relationcrm.interaction.TimelineEvent;
import org.relationcrm.interaction.TimelineEventType;
import org.relationcrm.interaction.TimelineEventType.Arg;
import org.relationcrm.team.Actor;

/** A deal was opened with a client. */
public record OpportunityOpened(long opportunityId, long companyId, Set<Long> contactIds, String title,
                                BigDecimal amount, String currency, Actor actor) implements OnTimeline {

    @Override
    public TimelineEvent timelineEvent() {
        return new TimelineEvent(TimelineEventType.OPPORTUNITY_CREATED, actor, companyId, contactIds, opportunityId,
                Map.of(Arg.TITLE, title, Arg.AMOUNT, amount.toPlainString(), Arg.CURRENCY, currency), null, null);
    }
}
