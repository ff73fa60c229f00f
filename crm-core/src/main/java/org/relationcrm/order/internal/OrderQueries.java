package org.relationcrm.order.internal;

import java.time.LocalDate;

import org.relationcrm.order.OrderCard;
import org.relationcrm.order.OrderCursor;
import org.relationcrm.order.OrderDesk;
import org.relationcrm.order.OrderRow;
import org.relationcrm.shared.Slice;

/** Orders read for pages, in SQL (crm-persistence), each read one statement. */
public interface OrderQueries {

    OrderCard card(long companyId, LocalDate today);

    /** A client's orders, newest first, a page at a time. */
    Slice<OrderRow, OrderCursor> ofCompany(long companyId, OrderCursor after, int limit, LocalDate today);

    OrderDesk desk(LocalDate today);
}
