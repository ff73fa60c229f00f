package org.relationcrm.order;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** An order for its page: the order, whose it is, the names of its product lines, and the moves it allows. */
public record OrderPage(Order order, String companyName, String contactName, Map<Long, String> lineNames,
                        LocalDate today) {

    public String lineName(long productLineId) {
        return lineNames.getOrDefault(productLineId, "#" + productLineId);
    }

    public List<OrderStatus> next() {
        return order.status().next();
    }

    public long lateDays() {
        return order.lateDays(today);
    }

    public long overdueDays() {
        return order.overdueDays(today);
    }
}
