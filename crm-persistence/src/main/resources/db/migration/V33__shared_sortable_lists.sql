-- Lists sorted by their columns (clients, clients at risk, silent clients), each sort answered by an index at any
-- size, and the facts of the risk and silent lists made to agree with each other.

-- 1. The last exchange of each company and of each private person, kept as exchanges are logged: the clients list
--    sorts by it (a max() per row cannot be sorted without computing it for every client). Tables of their own, so
--    that logging a call does not rewrite the company's row and its name and trigram indexes. Interactions are never
--    moved or deleted and their date never changes, and a person never changes between private and a company's, so
--    inserts are all there is to follow; one statement-level trigger per table, so a bulk insert (COPY, INSERT ...
--    SELECT) costs one aggregate, not one update per row.
create table company_last_exchange (
    company_id bigint primary key references company (id),
    last_at    timestamptz not null
);
create index company_last_exchange_sort_idx on company_last_exchange (last_at, company_id);

-- private people only (contact.company_id is null): the clients list shows no one else
create table contact_last_exchange (
    contact_id bigint primary key references contact (id),
    last_at    timestamptz not null
);
create index contact_last_exchange_sort_idx on contact_last_exchange (last_at, contact_id);

insert into company_last_exchange (company_id, last_at)
select company_id, max(occurred_at) from interaction
where kind = 'EXCHANGE' and company_id is not null group by company_id;

insert into contact_last_exchange (contact_id, last_at)
select ic.contact_id, max(ic.occurred_at) from interaction_contact ic
join interaction i on i.id = ic.interaction_id and i.kind = 'EXCHANGE'
join contact k on k.id = ic.contact_id and k.company_id is null
group by ic.contact_id;

create function company_last_exchange_follow() returns trigger
    language plpgsql as $$
begin
    insert into company_last_exchange as s (company_id, last_at)
    select company_id, max(occurred_at) from added
    where kind = 'EXCHANGE' and company_id is not null
    group by company_id
    on conflict (company_id) do update set last_at = excluded.last_at where s.last_at < excluded.last_at;
    return null;
end
$$;

create trigger interaction_last_exchange after insert on interaction
    referencing new table as added for each statement execute function company_last_exchange_follow();

create function contact_last_exchange_follow() returns trigger
    language plpgsql as $$
begin
    insert into contact_last_exchange as s (contact_id, last_at)
    select a.contact_id, max(a.occurred_at) from added a
    join interaction i on i.id = a.interaction_id and i.kind = 'EXCHANGE'
    join contact k on k.id = a.contact_id and k.company_id is null
    group by a.contact_id
    on conflict (contact_id) do update set last_at = excluded.last_at where s.last_at < excluded.last_at;
    return null;
end
$$;

create trigger interaction_contact_last_exchange after insert on interaction_contact
    referencing new table as added for each statement execute function contact_last_exchange_follow();

-- 2. The clients list's other sort keys. Rows without a value come last, read from a partial index by id.
--    By owner: the owners (a handful of users) in name order, each one's companies by name (this index).
create index company_city_sort_idx on company ((relation_fold(city) collate "C"), id) where city is not null;
create index company_no_city_idx on company (id) where city is null;
create index company_status_sort_idx on company ((case status when 'PROSPECT' then 1 when 'CUSTOMER' then 2
                                                              when 'FORMER_CUSTOMER' then 3 end), id);
create index company_owner_sort_idx on company (owner_id, sort_name, id);
drop index company_owner_idx; -- the index above starts with owner_id
create index contact_private_city_sort_idx on contact ((relation_fold(city) collate "C"), id)
    where company_id is null and city is not null;
create index contact_private_no_city_idx on contact (id) where company_id is null and city is null;
-- the private people by id, where a sort puts them all (no status, no owner) or those never talked to
create index contact_private_idx on contact (id) where company_id is null;

-- 3. The churn signals, with facts that agree with each other.
--    Silence was counted from the last exchange only: a client who signed a week ago showed 524 days of silence, and
--    a customer created a second ago was "never" contacted (25 points). Silence now runs from the last contact, an
--    exchange or a signature, whichever is later; a client never contacted is silent since it was created.
--    The drop in signed amounts is computed here (percent, and months since the last signature when nothing was
--    signed in 12 months), so that the reasons shown say "nothing signed for 14 months", not "down 100 %".
--    The sort keys of the lists are columns of the materialized table, each with its index.
drop materialized view churn_risk;
drop view churn_score;
drop view churn_signal;

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
        + extract(month from age(current_date, w.last_won_on)))::int months_since_won
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
cross join lateral (select greatest(le.last_at, w.last_won_on::timestamptz) last_contact_at) lc
where c.status = 'CUSTOMER';

-- As V26's, silence now measured the same way whether the client was ever contacted or not.
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
       case when s.lines_added = 0 then w.no_breadth else 0 end breadth_points
from churn_signal s cross join churn_weights w;

create materialized view churn_risk as
select z.*, (z.silence_points + z.nps_points + z.complaint_points + z.sentiment_points + z.won_drop_points
             + z.breadth_points) score,
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
