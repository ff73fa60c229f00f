-- Churn risk, explained: every signal is a column, every weight is visible here and in the reasons shown.
--   silence         days since the last exchange: >= 90 (or never) 25, >= 60 15, >= 30 5
--   nps             last NPS answer: detractor (0-6) 20, passive (7-8) 8
--   complaints      an open complaint past its resolution due date 20, else any open complaint 10
--   sentiment       a negative exchange in the last 90 days 15
--   won_drop        won in the last 12 months below half of the 12 before 15, below the 12 before 8
--   breadth         no product line added in the last 12 months 5
-- The sum is at most 100. The view is computed live for one customer (360° page); the materialized table feeds
-- the riskiest-first and silent-clients lists and is refreshed on a schedule.
create view churn_signal as
select c.id company_id, c.name company_name, c.owner_id,
       le.last_at,
       (current_date - (le.last_at at time zone 'Europe/Paris')::date) silent_days,
       nps.score last_nps,
       coalesce(cp.open_count, 0) open_complaints,
       coalesce(cp.breached_count, 0) breached_complaints,
       coalesce(neg.negative_count, 0) negative_exchanges,
       coalesce(w.won_recent, 0) won_recent,
       coalesce(w.won_before, 0) won_before,
       w.last_won_on,
       coalesce(hl.lines_held, 0) lines_held,
       coalesce(hl.lines_added, 0) lines_added
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
where c.status = 'CUSTOMER';

create view churn_score as
select s.*,
       case when s.last_at is null or s.silent_days >= 90 then 25
            when s.silent_days >= 60 then 15
            when s.silent_days >= 30 then 5 else 0 end silence_points,
       case when s.last_nps <= 6 then 20 when s.last_nps <= 8 then 8 else 0 end nps_points,
       case when s.breached_complaints > 0 then 20 when s.open_complaints > 0 then 10 else 0 end complaint_points,
       case when s.negative_exchanges > 0 then 15 else 0 end sentiment_points,
       case when s.won_before > 0 and s.won_recent < s.won_before / 2 then 15
            when s.won_before > 0 and s.won_recent < s.won_before then 8 else 0 end won_drop_points,
       case when s.lines_added = 0 then 5 else 0 end breadth_points
from churn_signal s;

create materialized view churn_risk as
select z.*, (z.silence_points + z.nps_points + z.complaint_points + z.sentiment_points + z.won_drop_points
             + z.breadth_points) score,
       now() computed_at
from churn_score z;

create unique index churn_risk_company_idx on churn_risk (company_id);
-- riskiest first, all customers or one owner's
create index churn_risk_score_idx on churn_risk (score desc, company_id);
create index churn_risk_owner_score_idx on churn_risk (owner_id, score desc, company_id);
-- silent clients: longest silence first
create index churn_risk_silence_idx on churn_risk (last_at nulls first, company_id);
