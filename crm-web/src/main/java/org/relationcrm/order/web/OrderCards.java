package org.relationcrm.order.web;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

import org.relationcrm.order.OrderCard;
import org.relationcrm.order.OrderDesk;
import org.relationcrm.order.OrderReadService;

/**
 * The orders card of the 360° page (one SQL statement) and the order desk's lists of "My day" (one statement),
 * asked for by their controllers before rendering: the fragments of {@code orders/card.html} only render them.
 */
@NamedInterface(name = "web", propagate = false)
@Component
public class OrderCards {

    private final OrderReadService reads;

    OrderCards(OrderReadService reads) {
        this.reads = reads;
    }

    public OrderCard ofCompany(long companyId) {
        return reads.card(companyId);
    }

    public OrderDesk desk() {
        return reads.desk();
    }
}
