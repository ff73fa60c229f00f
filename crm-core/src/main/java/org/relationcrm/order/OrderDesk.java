package org.relationcrm.order;

import java.util.List;

/**
 * The order desk's work for today ("My day" of ADV): orders waiting for confirmation (oldest first), deliveries due
 * within the week or late (the promised date nearest first), invoices past their due date (the oldest first).
 */
public record OrderDesk(List<OrderRow> toConfirm, List<OrderRow> deliveries, List<OrderRow> overdueInvoices) {

    /** At most this many in each list. */
    public static final int LIMIT = 10;
    /** Deliveries promised within this many days are "due". */
    public static final int DUE_WITHIN_DAYS = 7;
}
