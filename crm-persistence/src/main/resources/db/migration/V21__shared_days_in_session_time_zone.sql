-- Days are cut in the session's time zone, which the app sets on every connection to relation.time-zone (the same
-- zone as its Clock): no SQL names a zone any more, and SQL and Java agree on what "today" and "that day" are.
-- current_date and timestamptz::date both use the session's zone.

create or replace function pipeline_opportunity_rollup() returns trigger
    language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') and pipeline_is_open(old.stage) then
        perform pipeline_open_add(old.owner_id, old.stage, old.expected_close_on, -1, old.amount, old.probability);
    end if;
    if tg_op in ('INSERT', 'UPDATE') and pipeline_is_open(new.stage) then
        perform pipeline_open_add(new.owner_id, new.stage, new.expected_close_on, 1, new.amount, new.probability);
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.closed_at is not null and (tg_op = 'INSERT' or old.closed_at is null) then
        insert into pipeline_close_rollup as r (day, owner_id, won, lost, won_amount, won_cycle_seconds)
        values ((new.closed_at)::date, new.owner_id,
                case when new.stage = 'WON' then 1 else 0 end, case when new.stage = 'LOST' then 1 else 0 end,
                case when new.stage = 'WON' then new.amount else 0 end,
                case when new.stage = 'WON' then extract(epoch from new.closed_at - new.created_at) else 0 end)
        on conflict (day, owner_id) do update
            set won = r.won + excluded.won, lost = r.lost + excluded.lost, won_amount = r.won_amount + excluded.won_amount,
                won_cycle_seconds = r.won_cycle_seconds + excluded.won_cycle_seconds;
    end if;
    return null;
end
$$;

create or replace function pipeline_stage_change_rollup() returns trigger
    language plpgsql as $$
begin
    insert into pipeline_move_rollup as r (day, owner_id, from_stage, moves, advanced, seconds)
    select (new.changed_at)::date, o.owner_id, new.from_stage, 1,
           case when new.to_stage <> 'LOST' and pipeline_stage_rank(new.to_stage) > pipeline_stage_rank(new.from_stage)
                then 1 else 0 end,
           coalesce(extract(epoch from new.changed_at - new.from_entered_at), 0)
    from opportunity o where o.id = new.opportunity_id
    on conflict (day, owner_id, from_stage) do update
        set moves = r.moves + 1, advanced = r.advanced + excluded.advanced, seconds = r.seconds + excluded.seconds;
    return null;
end
$$;

create or replace function pipeline_concession_add(p_at timestamptz, p_by bigint, p_sign integer, p_money numeric,
                                        p_counterpart varchar) returns void
    language sql as $$
    insert into pipeline_concession_rollup as r (day, granted_by, concessions, total, bare, bare_total)
    values ((p_at)::date, p_by, p_sign, p_sign * p_money,
            case when p_counterpart = 'NONE' then p_sign else 0 end,
            case when p_counterpart = 'NONE' then p_sign * p_money else 0 end)
    on conflict (day, granted_by) do update
        set concessions = r.concessions + excluded.concessions, total = r.total + excluded.total,
            bare = r.bare + excluded.bare, bare_total = r.bare_total + excluded.bare_total
$$;

create or replace view churn_signal as
select c.id company_id, c.name company_name, c.owner_id,
       le.last_at,
       (current_date - le.last_at::date) silent_days,
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
