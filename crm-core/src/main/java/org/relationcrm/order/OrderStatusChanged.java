package org.relationcrm.order;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import org.relationcrm.interaction.OnTimeline;
import org.relationcrm.interaction.TimelineEvent;
import org.relationcrm.interaction.TimelineEventType;
import org.relationcrm.interaction.TimelineEventType.Arg;
import org.relationcrm.team.Actor;

/**
 * An order moved to {@code status}. On the timeline as its own type: a late delivery says by how many days, a
 * cancellation its reason; {@code note} is what ADV typed (a delivery incident, why it was cancelled).
 */
public record OrderStatusChanged(long orderId, long companyId, Long contactId, String number, OrderStatus status,
                                 BigDecimal total, String currency, long lateDays, CancelReason cancelReason,
                                 String note, Actor actor) implements OnTimeline {

    @Override
    public TimelineEvent timelineEvent() {
        Map<String, String> amount = Map.of(Arg.NUMBER, number, Arg.AMOUNT, total.toPlainString(),
                Arg.CURRENCY, currency);
        Map<String, String> numberOnly = Map.of(Arg.NUMBER, number);
        TimelineEventType type;
        Map<String, String> args;
        switch (status) {
            case CONFIRMED -> { type = TimelineEventType.ORDER_CONFIRMED; args = amount; }
            case SHIPPED -> { type = TimelineEventType.ORDER_SHIPPED; args = numberOnly; }
            case DELIVERED -> {
                type = lateDays > 0 ? TimelineEventType.ORDER_DELIVERED_LATE : TimelineEventType.ORDER_DELIVERED;
                args = lateDays > 0 ? Map.of(Arg.NUMBER, number, Arg.LATE_DAYS, Long.toString(lateDays)) : numberOnly;
            }
            case INVOICED -> { type = TimelineEventType.ORDER_INVOICED; args = amount; }
            case PAID -> { type = TimelineEventType.ORDER_PAID; args = amount; }
            case CANCELLED -> {
                type = TimelineEventType.ORDER_CANCELLED;
                args = Map.of(Arg.NUMBER, number, Arg.CANCEL_REASON, cancelReason.name());
            }
            default -> throw new IllegalStateException("an order is received once: " + status);
        }
        return new TimelineEvent(type, actor, companyId, contactId == null ? Set.of() : Set.of(contactId), orderId,
                args, note, null);
    }

    static OrderStatusChanged of(Order order, long lateDays, String note, Actor actor) {
        return new OrderStatusChanged(order.id(), order.companyId(), order.contactId(), order.number(), order.status(),
                order.total(), order.currency(), lateDays, order.cancelReason(), note, actor);
    }
}
