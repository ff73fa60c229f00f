package org.relationcrm.order;

import java.math.BigDecimal;
import java.util.List;

/**
 * The orders card of the 360° page: the last orders, how many there are, the amount of the orders not paid yet
 * (cancelled aside), the amount invoiced and not paid, the deliveries late and the invoices overdue. One statement.
 */
public record OrderCard(List<OrderRow> last, long count, BigDecimal openAmount, BigDecimal outstanding,
                        long lateDeliveries, long overdueInvoices) {

    /** How many orders the card shows. */
    public static final int SHOWN = 5;
}
