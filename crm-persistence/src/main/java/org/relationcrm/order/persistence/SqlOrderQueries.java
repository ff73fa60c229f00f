package org.relationcrm.order.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.relationcrm.order.OrderCard;
import org.relationcrm.order.OrderCursor;
import org.relationcrm.order.OrderDesk;
import org.relationcrm.order.OrderRow;
import org.relationcrm.order.OrderStatus;
import org.relationcrm.order.internal.OrderQueries;
import org.relationcrm.shared.Slice;

/** Orders in SQL: each page's read is one statement, its figures computed by PostgreSQL. */
@Repository
class SqlOrderQueries implements OrderQueries {

    /** Statuses of an order not delivered yet, so late as soon as its promised date is past. */
    static final String ON_ITS_WAY = "('RECEIVED', 'CONFIRMED', 'SHIPPED')";

    /** An order as lists show it ({@link #row}), its lateness and overdue days as of {@code :today}. */
    static final String ROW = """
            select o.id, o.number, o.company_id, c.name company_name, o.ordered_on, o.total, o.currency, o.status,
                   o.promised_on, o.delivered_on, o.invoice_due_on,
                   case when o.status = 'CANCELLED' then 0
                        else greatest(0, coalesce(o.delivered_on, case when o.status in %s then cast(:today as date) end)
                                         - o.promised_on) end late_days,
                   case when o.status = 'INVOICED' then greatest(0, cast(:today as date) - o.invoice_due_on)
                        else 0 end overdue_days
            from customer_order o
            join company c on c.id = o.company_id
            """.formatted(ON_ITS_WAY);

    /**
     * A client's figures and its last orders. The figures read every order of the client: the covering index
     * customer_order_company_idx (V67) answers them from the index alone, for a client with thousands of orders too.
     */
    static final String CARD = """
            with figures as (
                select count(*) order_count,
                       coalesce(sum(total) filter (where status not in ('PAID', 'CANCELLED')), 0) open_amount,
                       coalesce(sum(total) filter (where status = 'INVOICED'), 0) outstanding,
                       count(*) filter (where (delivered_on > promised_on
                                               and delivered_on > cast(:today as date) - 180)
                                           or (status in %s and promised_on < cast(:today as date)))
                           late_deliveries,
                       count(*) filter (where status = 'INVOICED' and invoice_due_on < cast(:today as date))
                           overdue_invoices
                from customer_order where company_id = :id)
            select f.*, r.*
            from figures f
            left join lateral (%s where o.company_id = :id order by o.ordered_on desc, o.id desc
                               limit %d) r on true
            """.formatted(ON_ITS_WAY, ROW, OrderCard.SHOWN);

    private final JdbcClient jdbc;

    SqlOrderQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OrderCard card(long companyId, LocalDate today) {
        // the client's figures and its last orders, one statement: the figures repeat on each row (at least one)
        List<OrderRow> last = new ArrayList<>();
        long[] counts = new long[3];
        BigDecimal[] amounts = {BigDecimal.ZERO, BigDecimal.ZERO};
        jdbc.sql(CARD)
                .param("id", companyId).param("today", today)
                .query(rs -> {
                    counts[0] = rs.getLong("order_count");
                    counts[1] = rs.getLong("late_deliveries");
                    counts[2] = rs.getLong("overdue_invoices");
                    amounts[0] = rs.getBigDecimal("open_amount");
                    amounts[1] = rs.getBigDecimal("outstanding");
                    if (rs.getObject("id") != null) {
                        last.add(row(rs));
                    }
                });
        return new OrderCard(List.copyOf(last), counts[0], amounts[0], amounts[1], counts[1], counts[2]);
    }

    @Override
    public Slice<OrderRow, OrderCursor> ofCompany(long companyId, OrderCursor after, int limit, LocalDate today) {
        String keyset = after == null ? "" : " and (o.ordered_on, o.id) < (cast(:afterOn as date), :afterId)";
        var statement = jdbc.sql(ROW + " where o.company_id = :id" + keyset
                        + " order by o.ordered_on desc, o.id desc limit :limit")
                .param("id", companyId).param("today", today).param("limit", limit + 1);
        if (after != null) {
            statement = statement.param("afterOn", after.orderedOn()).param("afterId", after.id());
        }
        List<OrderRow> rows = statement.query((rs, n) -> row(rs)).list();
        if (rows.size() <= limit) {
            return new Slice<>(rows, null);
        }
        List<OrderRow> page = rows.subList(0, limit);
        OrderRow last = page.getLast();
        return new Slice<>(List.copyOf(page), new OrderCursor(last.orderedOn(), last.id()));
    }

    @Override
    public OrderDesk desk(LocalDate today) {
        List<OrderRow> toConfirm = new ArrayList<>();
        List<OrderRow> deliveries = new ArrayList<>();
        List<OrderRow> overdue = new ArrayList<>();
        jdbc.sql("""
                        (select 'C' part, r.* from (%1$s where o.status = 'RECEIVED'
                                                    order by o.ordered_on, o.id limit :limit) r)
                        union all
                        (select 'D', r.* from (%1$s where o.status in ('CONFIRMED', 'SHIPPED')
                                                 and o.promised_on <= cast(:today as date) + :within
                                               order by o.promised_on, o.id limit :limit) r)
                        union all
                        (select 'I', r.* from (%1$s where o.status = 'INVOICED'
                                                 and o.invoice_due_on < cast(:today as date)
                                               order by o.invoice_due_on, o.id limit :limit) r)
                        """.formatted(ROW))
                .param("today", today).param("limit", OrderDesk.LIMIT).param("within", OrderDesk.DUE_WITHIN_DAYS)
                .query(rs -> {
                    switch (rs.getString("part")) {
                        case "C" -> toConfirm.add(row(rs));
                        case "D" -> deliveries.add(row(rs));
                        default -> overdue.add(row(rs));
                    }
                });
        return new OrderDesk(toConfirm, deliveries, overdue);
    }

    private static OrderRow row(ResultSet rs) throws SQLException {
        return new OrderRow(rs.getLong("id"), rs.getString("number"), rs.getLong("company_id"),
                rs.getString("company_name"), rs.getObject("ordered_on", LocalDate.class), rs.getBigDecimal("total"),
                rs.getString("currency"), OrderStatus.valueOf(rs.getString("status")),
                rs.getObject("promised_on", LocalDate.class), rs.getObject("delivered_on", LocalDate.class),
                rs.getObject("invoice_due_on", LocalDate.class), rs.getInt("late_days"), rs.getInt("overdue_days"));
    }
}
