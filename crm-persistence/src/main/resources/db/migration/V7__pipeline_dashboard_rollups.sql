-- The manager's dashboard at scale: instead of reading hundreds of thousands of deals and stage changes on every
-- view, it adds up these small tables, kept exact by triggers in the same transaction as the change they count.
-- Days are calendar days in the company's time zone (Europe/Paris, as relation.time-zone); the dashboard's
-- periods are whole days. Figures by owner are by the deal's owner at the time of the event.

create function pipeline_is_open(stage varchar) returns boolean
    language sql immutable parallel safe
    as $$ select stage in ('PROSPECTING', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION') $$;

create function pipeline_stage_rank(stage varchar) returns integer
    language sql immutable parallel safe
    as $$ select array_position(array['PROSPECTING', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION', 'WON']::varchar[], stage) $$;

-- Open deals by owner, stage and month of expected close: the forecast and each rep's open pipeline.
create table pipeline_open_rollup (
    owner_id    bigint         not null,
    stage       varchar(20)    not null,
    close_month date           not null,
    deals       bigint         not null,
    amount      numeric(18, 2) not null,
    weighted    numeric(20, 4) not null,
    primary key (owner_id, stage, close_month)
);

-- Deals closed per day and owner: win rate, amount signed, sales cycle.
create table pipeline_close_rollup (
    day               date           not null,
    owner_id          bigint         not null,
    won               bigint         not null,
    lost              bigint         not null,
    won_amount        numeric(18, 2) not null,
    won_cycle_seconds numeric        not null,
    primary key (day, owner_id)
);

-- Moves out of each stage per day and owner: conversion to a later stage and time spent in the stage.
create table pipeline_move_rollup (
    day        date        not null,
    owner_id   bigint      not null,
    from_stage varchar(20) not null,
    moves      bigint      not null,
    advanced   bigint      not null,
    seconds    numeric     not null,
    primary key (day, owner_id, from_stage)
);

-- Concessions granted per day and granter, refused ones left out.
create table pipeline_concession_rollup (
    day         date           not null,
    granted_by  bigint         not null,
    concessions bigint         not null,
    total       numeric(18, 2) not null,
    bare        bigint         not null,
    bare_total  numeric(18, 2) not null,
    primary key (day, granted_by)
);

create function pipeline_open_add(p_owner bigint, p_stage varchar, p_close date, p_sign integer, p_amount numeric,
                                  p_probability integer) returns void
    language sql as $$
    insert into pipeline_open_rollup as r (owner_id, stage, close_month, deals, amount, weighted)
    values (p_owner, p_stage, date_trunc('month', p_close)::date, p_sign, p_sign * p_amount,
            p_sign * p_amount * p_probability / 100.0)
    on conflict (owner_id, stage, close_month) do update
        set deals = r.deals + excluded.deals, amount = r.amount + excluded.amount, weighted = r.weighted + excluded.weighted
$$;

create function pipeline_opportunity_rollup() returns trigger
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
        values ((new.closed_at at time zone 'Europe/Paris')::date, new.owner_id,
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

create trigger opportunity_rollup_insert_delete after insert or delete on opportunity
    for each row execute function pipeline_opportunity_rollup();
-- Only changes that move a figure: not the next step, the last activity or the version.
create trigger opportunity_rollup_update after update on opportunity
    for each row
    when (old.stage is distinct from new.stage or old.owner_id is distinct from new.owner_id
          or old.amount is distinct from new.amount or old.probability is distinct from new.probability
          or old.expected_close_on is distinct from new.expected_close_on or old.closed_at is distinct from new.closed_at)
    execute function pipeline_opportunity_rollup();

create function pipeline_stage_change_rollup() returns trigger
    language plpgsql as $$
begin
    insert into pipeline_move_rollup as r (day, owner_id, from_stage, moves, advanced, seconds)
    select (new.changed_at at time zone 'Europe/Paris')::date, o.owner_id, new.from_stage, 1,
           case when new.to_stage <> 'LOST' and pipeline_stage_rank(new.to_stage) > pipeline_stage_rank(new.from_stage)
                then 1 else 0 end,
           coalesce(extract(epoch from new.changed_at - new.from_entered_at), 0)
    from opportunity o where o.id = new.opportunity_id
    on conflict (day, owner_id, from_stage) do update
        set moves = r.moves + 1, advanced = r.advanced + excluded.advanced, seconds = r.seconds + excluded.seconds;
    return null;
end
$$;

create trigger opportunity_stage_change_rollup after insert on opportunity_stage_change
    for each row when (new.from_stage is not null)
    execute function pipeline_stage_change_rollup();

create function pipeline_concession_add(p_at timestamptz, p_by bigint, p_sign integer, p_money numeric,
                                        p_counterpart varchar) returns void
    language sql as $$
    insert into pipeline_concession_rollup as r (day, granted_by, concessions, total, bare, bare_total)
    values ((p_at at time zone 'Europe/Paris')::date, p_by, p_sign, p_sign * p_money,
            case when p_counterpart = 'NONE' then p_sign else 0 end,
            case when p_counterpart = 'NONE' then p_sign * p_money else 0 end)
    on conflict (day, granted_by) do update
        set concessions = r.concessions + excluded.concessions, total = r.total + excluded.total,
            bare = r.bare + excluded.bare, bare_total = r.bare_total + excluded.bare_total
$$;

create function pipeline_concession_rollup() returns trigger
    language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') and old.approval <> 'REJECTED' then
        perform pipeline_concession_add(old.granted_at, old.granted_by, -1, old.money_value, old.counterpart);
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.approval <> 'REJECTED' then
        perform pipeline_concession_add(new.granted_at, new.granted_by, 1, new.money_value, new.counterpart);
    end if;
    return null;
end
$$;

create trigger concession_rollup_insert_delete after insert or delete on concession
    for each row execute function pipeline_concession_rollup();
create trigger concession_rollup_update after update on concession
    for each row
    when ((old.approval = 'REJECTED') is distinct from (new.approval = 'REJECTED')
          or old.money_value is distinct from new.money_value or old.counterpart is distinct from new.counterpart)
    execute function pipeline_concession_rollup();

-- What exists already.
insert into pipeline_open_rollup (owner_id, stage, close_month, deals, amount, weighted)
select owner_id, stage, date_trunc('month', expected_close_on)::date, count(*), sum(amount), sum(amount * probability / 100.0)
from opportunity where pipeline_is_open(stage) group by 1, 2, 3;

insert into pipeline_close_rollup (day, owner_id, won, lost, won_amount, won_cycle_seconds)
select (closed_at at time zone 'Europe/Paris')::date, owner_id, count(*) filter (where stage = 'WON'),
       count(*) filter (where stage = 'LOST'), coalesce(sum(amount) filter (where stage = 'WON'), 0),
       coalesce(sum(extract(epoch from closed_at - created_at)) filter (where stage = 'WON'), 0)
from opportunity where closed_at is not null group by 1, 2;

insert into pipeline_move_rollup (day, owner_id, from_stage, moves, advanced, seconds)
select (sc.changed_at at time zone 'Europe/Paris')::date, o.owner_id, sc.from_stage, count(*),
       count(*) filter (where sc.to_stage <> 'LOST' and pipeline_stage_rank(sc.to_stage) > pipeline_stage_rank(sc.from_stage)),
       coalesce(sum(extract(epoch from sc.changed_at - sc.from_entered_at)), 0)
from opportunity_stage_change sc join opportunity o on o.id = sc.opportunity_id
where sc.from_stage is not null group by 1, 2, 3;

insert into pipeline_concession_rollup (day, granted_by, concessions, total, bare, bare_total)
select (granted_at at time zone 'Europe/Paris')::date, granted_by, count(*), sum(money_value),
       count(*) filter (where counterpart = 'NONE'), coalesce(sum(money_value) filter (where counterpart = 'NONE'), 0)
from concession where approval <> 'REJECTED' group by 1, 2;

-- Each rep's deals gone quiet, and those without a next step, counted from small partial indexes.
create index opportunity_stale_idx on opportunity (last_activity_at) include (owner_id)
    where stage in ('PROSPECTING', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION');
create index opportunity_no_next_step_idx on opportunity (owner_id)
    where stage in ('PROSPECTING', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION') and next_step_due is null;
-- The period scans of V6 are no longer needed by the dashboard.
drop index opportunity_stage_change_period_idx;
drop index concession_period_idx;
drop index opportunity_closed_idx;
-- One rep's board: each column's first cards by close date.
create index opportunity_board_owner_idx on opportunity (owner_id, stage, expected_close_on, id)
    where stage in ('PROSPECTING', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION');
