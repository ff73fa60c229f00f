package org.relationcrm.order;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import org.relationcrm.interaction.OnTimeline;
import org.relationcrm.interaction.TimelineEvent;
import org.relationcrm.interaction.TimelineEventType;
import org.relationcrm.interaction.TimelineEventType.Arg;
import org.relationcrm.team.Actor;

/** A client placed an order (received by ADV), possibly from a won deal. */
public record OrderPlaced(long orderId, long companyId, Long contactId, Long opportunityId, String number,
                          BigDecimal total, String currency, Actor actor) implements OnTimeline {

    @Override
    public TimelineEvent timelineEvent() {
        return new TimelineEvent(TimelineEventType.ORDER_PLACED, actor, companyId,
                contactId == null ? Set.of() : Set.of(contactId), orderId,
                Map.of(Arg.NUMBER, number, Arg.AMOUNT, total.toPlainString(), Arg.CURRENCY, currency), null, null);
    }
}
