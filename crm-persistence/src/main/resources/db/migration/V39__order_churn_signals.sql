-- Churn risk reads real orders (issue 13): a late delivery, an overdue invoice and orders falling by half become
-- reasons with their weights, rows of churn_weight like the others. The signals are counted per client from
-- customer_order (a read model in SQL: the feedback feature knows no class of the order feature):
--   late deliveries   delivered after the promised date in the last 180 days, or not delivered and already late
--   overdue invoices  invoiced, not paid, past the due date
--   orders halved     ordered (not cancelled) in the last 12 months below half of the 12 before
-- With these the worst case exceeds 100: the score is capped at 100 (the reasons still show every point).
insert into churn_weight (reason, points) values
    ('LATE_DELIVERY', 10),
    ('OVERDUE_INVOICE', 15),
    ('ORDERS_HALVED', 10);

drop materialized view churn_risk;
drop view churn_score;
drop view churn_signal;

-- V26's weights as one row, with the order desk's at the end.
create or replace view churn_weights as
select coalesce(max(points) filter (where reason = 'SILENT_90_DAYS'), 0) silent_90,
       coalesce(max(points) filter (where reason = 'SILENT_60_DAYS'), 0) silent_60,
       coalesce(max(points) filter (where reason = 'SILENT_30_DAYS'), 0) silent_30,
       coalesce(max(points) filter (where reason = 'NPS_DETRACTOR'), 0) nps_detractor,
       coalesce(max(points) filter (where reason = 'NPS_PASSIVE'), 0) nps_passive,
       coalesce(max(points) filter (where reason = 'BREACHED_COMPLAINT'), 0) breached_complaint,
       coalesce(max(points) filter (where reason = 'OPEN_COMPLAINT'), 0) open_complaint,
       coalesce(max(points) filter (where reason = 'NEGATIVE'), 0) negative,
       coalesce(max(points) filter (where reason = 'WON_HALVED'), 0) won_halved,
       coalesce(max(points) filter (where reason = 'WON_DROP'), 0) won_drop,
       coalesce(max(points) filter (where reason = 'NO_BREADTH'), 0) no_breadth,
       coalesce(max(points) filter (where reason = 'LATE_DELIVERY'), 0) late_delivery,
       coalesce(max(points) filter (where reason = 'OVERDUE_INVOICE'), 0) overdue_invoice,
       coalesce(max(points) filter (where reason = 'ORDERS_HALVED'), 0) orders_halved
from churn_weight;

-- As V33's, with the order desk's signals.
create view churn_signal as
select c.id company_id, c.name company_name, c.owner_id,
       le.last_at,
       (current_date - coalesce(lc.last_contact_at, c.created_at)::date) silent_days,
       nps.score last_nps,
       coalesce(cp.open_count, 0) open_complaints,
       coalesce(cp.breached_count, 0) breached_complaints,
       coalesce(neg.negative_count, 0) negative_exchanges,
       coalesce(w.won_recent, 0) won_recent,
       coalesce(w.won_before, 0) won_before,
       w.last_won_on,
       coalesce(hl.lines_held, 0) lines_held,
       coalesce(hl.lines_added, 0) lines_added,
       c.sort_name company_sort,
       lc.last_contact_at,
       coalesce(lc.last_contact_at, c.created_at) silent_since,
       case when coalesce(w.won_before, 0) > 0
            then round(100 * (w.won_before - coalesce(w.won_recent, 0)) / w.won_before)::int end won_drop_percent,
       (extract(year from age(current_date, w.last_won_on)) * 12
        + extract(month from age(current_date, w.last_won_on)))::int months_since_won,
       coalesce(od.late_deliveries, 0) late_deliveries,
       coalesce(od.overdue_invoices, 0) overdue_invoices,
       coalesce(od.ordered_recent, 0) ordered_recent,
       coalesce(od.ordered_before, 0) ordered_before,
       case when coalesce(od.ordered_before, 0) > 0
            then round(100 * (od.ordered_before - coalesce(od.ordered_recent, 0)) / od.ordered_before)::int
            end order_drop_percent
from company c
left join lateral (
    select max(i.occurred_at) last_at from interaction i where i.company_id = c.id and i.kind = 'EXCHANGE') le on true
left join lateral (
    select s.score from survey s
    where s.company_id = c.id and s.kind = 'NPS' and s.answered_at is not null
    order by s.answered_at desc limit 1) nps on true
left join lateral (
    select count(*) open_count, count(*) filter (where k.resolution_due < now()) breached_count
    from complaint k where k.company_id = c.id and k.status in ('OPEN', 'IN_PROGRESS')) cp on true
left join lateral (
    select count(*) negative_count from interaction i
    where i.company_id = c.id and i.occurred_at > now() - interval '90 days' and i.sentiment = 'NEGATIVE') neg on true
left join lateral (
    select sum(d.amount) filter (where d.won_on > current_date - 365) won_recent,
           sum(d.amount) filter (where d.won_on <= current_date - 365 and d.won_on > current_date - 730) won_before,
           max(d.won_on) last_won_on
    from won_deal d where d.company_id = c.id) w on true
left join lateral (
    select count(*) lines_held, count(*) filter (where h.since > current_date - 365) lines_added
    from customer_product_line h where h.company_id = c.id) hl on true
left join lateral (
    select count(*) filter (where (o.delivered_on > o.promised_on and o.delivered_on > current_date - 180)
                               or (o.status in ('RECEIVED', 'CONFIRMED', 'SHIPPED') and o.promised_on < current_date))
               late_deliveries,
           count(*) filter (where o.status = 'INVOICED' and o.invoice_due_on < current_date) overdue_invoices,
           sum(o.total) filter (where o.status <> 'CANCELLED' and o.ordered_on > current_date - 365) ordered_recent,
           sum(o.total) filter (where o.status <> 'CANCELLED' and o.ordered_on <= current_date - 365
                                  and o.ordered_on > current_date - 730) ordered_before
    from customer_order o where o.company_id = c.id) od on true
cross join lateral (select greatest(le.last_at, w.last_won_on::timestamptz) last_contact_at) lc
where c.status = 'CUSTOMER';

-- As V33's, with the order desk's points (delivery, invoice, order drop), added to the score below.
create view churn_score as
select s.*,
       case when s.silent_days >= 90 then w.silent_90
            when s.silent_days >= 60 then w.silent_60
            when s.silent_days >= 30 then w.silent_30 else 0 end silence_points,
       case when s.last_nps <= 6 then w.nps_detractor when s.last_nps <= 8 then w.nps_passive else 0 end nps_points,
       case when s.breached_complaints > 0 then w.breached_complaint
            when s.open_complaints > 0 then w.open_complaint else 0 end complaint_points,
       case when s.negative_exchanges > 0 then w.negative else 0 end sentiment_points,
       case when s.won_before > 0 and s.won_recent < s.won_before / 2 then w.won_halved
            when s.won_before > 0 and s.won_recent < s.won_before then w.won_drop else 0 end won_drop_points,
       case when s.lines_added = 0 then w.no_breadth else 0 end breadth_points,
       case when s.late_deliveries > 0 then w.late_delivery else 0 end delivery_points,
       case when s.overdue_invoices > 0 then w.overdue_invoice else 0 end invoice_points,
       case when s.ordered_before > 0 and s.ordered_recent < s.ordered_before / 2 then w.orders_halved else 0 end
           order_drop_points
from churn_signal s cross join churn_weights w;

create materialized view churn_risk as
select z.*, least(100, z.silence_points + z.nps_points + z.complaint_points + z.sentiment_points
                       + z.won_drop_points + z.breadth_points + z.delivery_points + z.invoice_points
                       + z.order_drop_points) score,
       -- by owner, then by client: one text in byte order (chr(1) sorts before any character of a name)
       (relation_fold(u.full_name) || chr(1) || z.company_sort) collate "C" owner_sort,
       now() computed_at
from churn_score z join app_user u on u.id = z.owner_id;

create unique index churn_risk_company_idx on churn_risk (company_id);
-- at-risk list: by score (both directions), client, owner; everyone's or one owner's riskiest
create index churn_risk_score_idx on churn_risk (score, company_id);
create index churn_risk_owner_score_idx on churn_risk (owner_id, score, company_id);
create index churn_risk_client_idx on churn_risk (company_sort, company_id);
create index churn_risk_owner_sort_idx on churn_risk (owner_sort, company_id);
-- silent clients: by length of silence (everyone's or one owner's), last exchange, last signature
create index churn_risk_silence_idx on churn_risk (silent_since, company_id);
create index churn_risk_owner_silence_idx on churn_risk (owner_id, silent_since, company_id);
create index churn_risk_last_exchange_idx on churn_risk (last_at, company_id) where last_at is not null;
create index churn_risk_last_won_idx on churn_risk (last_won_on, company_id) where last_won_on is not null;
