package org.relationcrm.demo;

import static org.relationcrm.demo.FeedbackDataGenerator.step;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders for the demo and the benchmark: about one order per {@code interactionsPerOrder} exchanges of each client,
 * dated like them, with one to three lines from the catalogue, and statuses as an order desk would have them by
 * age (recent ones received or confirmed, older ones shipped, delivered, invoiced, most paid; some cancelled, some
 * delivered late, some invoices overdue). Delivered lines become lines held. Generated inside PostgreSQL
 * (INSERT ... SELECT), so nothing streams through the JVM; the lines and the order's total come from one formula of
 * the order's id and the line's position ({@link #LINE}), so both statements agree without reading back.
 */
@Component
class OrderDataGenerator {

    /** Quantity, unit price, discount of line {@code p} of order {@code o}: from hashes of the ids, stable. */
    static final String LINE = """
            (1 + (hashint8(%1$s * 16 + %2$s)::bigint & 2147483647) %% 5) qty,
            (50 + ((hashint8(%1$s * 16 + %2$s + 7)::bigint & 2147483647) %% 4950))::numeric(14, 2) price,
            (case when (hashint8(%1$s * 16 + %2$s + 3)::bigint & 2147483647) %% 5 = 0 then 10 else 0 end)::numeric(5, 2) discount""";

    private final JdbcClient jdbc;
    private final FeedbackDataGenerator catalogue;

    OrderDataGenerator(JdbcClient jdbc, FeedbackDataGenerator catalogue) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
    }

    /** How many exchanges per order, the random seed, and whether each order also gets its timeline events. */
    record Plan(int interactionsPerOrder, double seed, boolean timelineEvents) {
    }

    @Transactional
    public Map<String, Long> generate(Plan plan) {
        Map<String, Long> millis = new LinkedHashMap<>();
        long start = System.nanoTime();
        catalogue.productLines();
        jdbc.sql("select setseed(:seed)::text").param("seed", plan.seed()).query(String.class).optional();
        long firstId = jdbc.sql("select coalesce(max(id), 0) + 1 from customer_order").query(Long.class).single();
        step(millis, "customer_order", () -> jdbc.sql("""
                with picked as (
                    -- days and times in the session's time zone, which the app sets to relation.time-zone (see V21)
                    select i.company_id, c.owner_id, i.occurred_at::date ordered_on,
                           nextval(pg_get_serial_sequence('customer_order', 'id')) id,
                           nextval('customer_order_number_seq') seq,
                           random() r_status, random() r_late, random() r_terms, random() r_days
                    from interaction i join company c on c.id = i.company_id
                    where i.kind = 'EXCHANGE' and i.company_id is not null and random() < :ratio),
                aged as (
                    select p.*, current_date - p.ordered_on age,
                           p.ordered_on + 5 + (p.r_days * 15)::int promised_on,
                           (array['ON_RECEIPT', 'NET_30', 'NET_30', 'NET_45_END_OF_MONTH', 'NET_60'])[1 + floor(p.r_terms * 5)::int] terms
                    from picked p),
                statused as (
                    select a.*,
                           case when a.age > 90 then case when a.r_status < 0.05 then 'CANCELLED'
                                                          when a.r_status < 0.10 then 'INVOICED' else 'PAID' end
                                when a.age > 30 then case when a.r_status < 0.05 then 'CANCELLED'
                                                          when a.r_status < 0.45 then 'INVOICED'
                                                          when a.r_status < 0.55 then 'DELIVERED' else 'PAID' end
                                when a.age > 7 then case when a.r_status < 0.10 then 'CONFIRMED'
                                                         when a.r_status < 0.40 then 'SHIPPED'
                                                         when a.r_status < 0.75 then 'DELIVERED' else 'INVOICED' end
                                else case when a.r_status < 0.45 then 'RECEIVED'
                                          when a.r_status < 0.85 then 'CONFIRMED' else 'SHIPPED' end end status
                    from aged a),
                dated as (
                    select s.*,
                           case when s.status in ('SHIPPED', 'DELIVERED', 'INVOICED', 'PAID')
                                then least(current_date, s.ordered_on + 1 + (s.r_days * 3)::int) end shipped_on,
                           -- 15 %% delivered late, by 1 to 12 days; the others on time or a little early
                           case when s.status in ('DELIVERED', 'INVOICED', 'PAID')
                                then least(current_date, greatest(s.ordered_on + 5,
                                     s.promised_on + case when s.r_late < 0.15 then 1 + (s.r_late * 80)::int
                                                          else -(s.r_late * 3)::int end)) end delivered_on
                    from statused s),
                invoiced as (
                    select d.*,
                           case when d.status in ('INVOICED', 'PAID') then least(current_date, d.delivered_on + 1) end invoiced_on
                    from dated d),
                due as (
                    select v.*,
                           case v.terms when 'ON_RECEIPT' then v.invoiced_on when 'NET_30' then v.invoiced_on + 30
                                        when 'NET_60' then v.invoiced_on + 60
                                        else (date_trunc('month', v.invoiced_on + 45) + interval '1 month - 1 day')::date end due_on
                    from invoiced v)
                insert into customer_order (id, number, company_id, ordered_on, currency, payment_terms, promised_on,
                                            total, status, shipped_on, delivered_on, delivery_incident, invoice_number,
                                            invoiced_on, invoice_due_on, paid_on, cancel_reason, created_by, created_at)
                select u.id, 'CMD-' || extract(year from u.ordered_on) || '-' || lpad(u.seq::text, greatest(6, length(u.seq::text)), '0'),
                       u.company_id, u.ordered_on, 'EUR', u.terms, u.promised_on,
                       (select sum(round(l.qty * l.price * (100 - l.discount) / 100, 2))
                        from generate_series(1, 1 + (u.id %% 3)::int) p
                        cross join lateral (select %s) l),
                       u.status, u.shipped_on, u.delivered_on,
                       case when u.delivered_on > u.promised_on + 5 then 'Livraison reçue en retard, le client a dû décaler son chantier.' end,
                       case when u.invoiced_on is not null then 'FAC-' || extract(year from u.ordered_on) || '-' || lpad(u.seq::text, greatest(6, length(u.seq::text)), '0') end,
                       u.invoiced_on, u.due_on,
                       case when u.status = 'PAID' then greatest(u.invoiced_on, least(current_date, u.due_on - 10 + (u.r_days * 25)::int)) end,
                       case when u.status = 'CANCELLED' then (array['CLIENT_REQUEST', 'OUT_OF_STOCK', 'PRICE_DISAGREEMENT'])[1 + floor(u.r_terms * 3)::int] end,
                       u.owner_id, (u.ordered_on + time '09:30')::timestamptz
                from due u
                """.formatted(LINE.formatted("u.id", "p")))
                .param("ratio", 1.0 / Math.max(1, plan.interactionsPerOrder())).update());
        step(millis, "order_line", () -> jdbc.sql("""
                with lines as (select array_agg(id order by id) ids from product_line where active)
                insert into order_line (order_id, position, product_line_id, quantity, unit_price, discount_percent)
                select o.id, p - 1, ls.ids[1 + (hashint8(o.id * 16 + p + 11)::bigint & 2147483647) %% array_length(ls.ids, 1)], l.qty, l.price, l.discount
                from customer_order o cross join lines ls
                cross join generate_series(1, 1 + (o.id %% 3)::int) p
                cross join lateral (select %s) l
                where o.id >= :first
                """.formatted(LINE.formatted("o.id", "p"))).param("first", firstId).update());
        step(millis, "customer_product_line (delivered orders)", () -> jdbc.sql("""
                insert into customer_product_line (company_id, product_line_id, source, since, added_by)
                select o.company_id, l.product_line_id, 'ORDER', min(o.delivered_on), min(o.created_by)
                from customer_order o join order_line l on l.order_id = o.id
                where o.id >= :first and o.delivered_on is not null
                group by o.company_id, l.product_line_id
                on conflict do nothing
                """).param("first", firstId).update());
        if (plan.timelineEvents()) {
            step(millis, "order events", () -> jdbc.sql("""
                    insert into interaction (kind, event_type, event_args, ref_id, company_id, occurred_at, author_id,
                                             author_department, summary, logged_at)
                    select 'EVENT', e.type, e.args, o.id, o.company_id, (e.on_day + time '11:00')::timestamptz,
                           o.created_by, u.department, e.note, (e.on_day + time '11:00')::timestamptz
                    from customer_order o join app_user u on u.id = o.created_by
                    cross join lateral (values
                        ('ORDER_PLACED', o.ordered_on, jsonb_build_object('number', o.number, 'amount', o.total::text, 'currency', o.currency), null::text),
                        (case when o.delivered_on > o.promised_on then 'ORDER_DELIVERED_LATE' else 'ORDER_DELIVERED' end, o.delivered_on,
                         case when o.delivered_on > o.promised_on
                              then jsonb_build_object('number', o.number, 'lateDays', (o.delivered_on - o.promised_on)::text)
                              else jsonb_build_object('number', o.number) end, o.delivery_incident),
                        ('ORDER_INVOICED', o.invoiced_on, jsonb_build_object('number', o.number, 'amount', o.total::text, 'currency', o.currency), null),
                        ('ORDER_PAID', o.paid_on, jsonb_build_object('number', o.number, 'amount', o.total::text, 'currency', o.currency), null),
                        ('ORDER_CANCELLED', case when o.status = 'CANCELLED' then o.ordered_on + 2 end,
                         jsonb_build_object('number', o.number, 'cancelReason', coalesce(o.cancel_reason, 'OTHER')), null)
                    ) e(type, on_day, args, note)
                    where o.id >= :first and e.on_day is not null
                    """).param("first", firstId).update());
        }
        step(millis, "analyze", () -> {
            jdbc.sql("analyze customer_order, order_line").update();
            return 0;
        });
        millis.put("total", (System.nanoTime() - start) / 1_000_000);
        return millis;
    }
}
