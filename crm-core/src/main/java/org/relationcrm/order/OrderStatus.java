package org.relationcrm.order;

import java.util.List;

/**
 * Where an order stands: received → confirmed → shipped → delivered → invoiced → paid, or cancelled (with a reason)
 * before it is delivered. The one table of the moves allowed, read by the aggregate and by the page's buttons.
 */
public enum OrderStatus {
    RECEIVED, CONFIRMED, SHIPPED, DELIVERED, INVOICED, PAID, CANCELLED;

    /** The statuses an order may move to from this one, cancelling aside ({@link #cancellable()}). */
    public List<OrderStatus> next() {
        return switch (this) {
            case RECEIVED -> List.of(CONFIRMED);
            case CONFIRMED -> List.of(SHIPPED);
            case SHIPPED -> List.of(DELIVERED);
            case DELIVERED -> List.of(INVOICED);
            case INVOICED -> List.of(PAID);
            case PAID, CANCELLED -> List.of();
        };
    }

    /** An order can be cancelled until it is delivered (a shipped one comes back). */
    public boolean cancellable() {
        return this == RECEIVED || this == CONFIRMED || this == SHIPPED;
    }

    /** Its lines, terms and dates may still be edited: before it leaves the warehouse. */
    public boolean editable() {
        return this == RECEIVED || this == CONFIRMED;
    }

    /** Still to be paid: neither paid nor cancelled. */
    public boolean open() {
        return this != PAID && this != CANCELLED;
    }
}
