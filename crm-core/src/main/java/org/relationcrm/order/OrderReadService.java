package org.relationcrm.order;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Service;

import org.relationcrm.order.internal.OrderQueries;
import org.relationcrm.shared.ReadModel;
import org.relationcrm.shared.Slice;

/** Orders as pages read them: the 360° card, a client's list, the order desk's day. One statement each. */
@Service
@ReadModel
public class OrderReadService {

    public static final int PAGE_SIZE = 25;

    private final OrderQueries queries;
    private final Clock clock;

    public OrderReadService(OrderQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    public OrderCard card(long companyId) {
        return queries.card(companyId, LocalDate.now(clock));
    }

    public Slice<OrderRow, OrderCursor> ofCompany(long companyId, OrderCursor after) {
        return queries.ofCompany(companyId, after, PAGE_SIZE, LocalDate.now(clock));
    }

    public OrderDesk desk() {
        return queries.desk(LocalDate.now(clock));
    }
}
