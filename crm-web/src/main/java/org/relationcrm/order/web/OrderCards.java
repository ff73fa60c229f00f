package org.relationcrm.order.web;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

import org.relationcrm.order.OrderCard;
import org.relationcrm.order.OrderDesk;
import org.relationcrm.order.OrderReadService;
import org.relationcrm.shared.web.RenderedFragments;

/**
 * The orders card of the 360° page (one SQL statement) and the order desk's lists of "My day" (one statement),
 * asked for by their controllers before rendering: the fragments of {@code orders/card.html} only render them, the
 * card once per what it shows (see {@link RenderedFragments}).
 */
@NamedInterface(name = "web", propagate = false)
@Component
public class OrderCards {

    private final OrderReadService reads;
    private final RenderedFragments fragments;

    OrderCards(OrderReadService reads, RenderedFragments fragments) {
        this.reads = reads;
        this.fragments = fragments;
    }

    /**
     * The card's HTML (orders/card :: card).
     *
     * @param manage the reader may manage orders (the card then links to a new order)
     */
    public String html(long companyId, boolean manage) {
        return fragments.html("orders/card :: card", "view", new CardView(companyId, reads.card(companyId), manage));
    }

    /** Everything the card shows: a value, so equal views have the same HTML. */
    public record CardView(long companyId, OrderCard card, boolean manage) {
    }

    public OrderDesk desk() {
        return reads.desk();
    }
}
