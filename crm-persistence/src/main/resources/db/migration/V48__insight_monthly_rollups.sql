-- The KPI dashboard at scale: instead of reading 100 000 companies, 5 M interactions and 200 000 survey answers on
-- every view, it adds up these small monthly tables, kept exact by triggers in the same transaction as the change
-- they count (as V7 does for the pipeline). Months are cut in the session's time zone (relation.time-zone, V21).
-- Figures by owner are by the company's owner at the time of the event.

-- Companies entering (+1) and leaving (-1) each status per owner and month: the number of customers (or prospects)
-- at the start of a month is the sum of the months before it.
create table insight_status_stock (
    month    date        not null,
    owner_id bigint      not null,
    status   varchar(20) not null,
    net      bigint      not null,
    primary key (month, owner_id, status)
);

-- Changes of status (customer lost, prospect won; NEW: created with that status) per owner and month; changes of
-- owner alone are not counted here.
create table insight_status_flow (
    month       date        not null,
    owner_id    bigint      not null,
    from_status varchar(20) not null,
    to_status   varchar(20) not null,
    changes     bigint      not null,
    primary key (month, owner_id, from_status, to_status)
);

-- Surveys sent (month of sending) and answered (month of the answer) per client owner and kind.
create table insight_survey_rollup (
    month      date       not null,
    owner_id   bigint     not null,
    kind       varchar(4) not null,
    sent       bigint     not null,
    answered   bigint     not null,
    score_sum  bigint     not null,
    promoters  bigint     not null,
    detractors bigint     not null,
    primary key (month, owner_id, kind)
);

-- Exchanges (not timeline events) with companies per owner, channel and month; "customer": the company was a
-- customer when the exchange was logged.
-- Every exchange logged adds to one of its rows: a row per month, owner, channel and kind of client alone would be
-- locked by each post of a team until it commits, so the posts of a busy team would wait for each other. Each
-- database connection writes to a shard of its own (its server process's id modulo 16); readers add the shards up.
create table insight_interaction_rollup (
    month        date        not null,
    owner_id     bigint      not null,
    channel      varchar(20) not null,
    customer     boolean     not null,
    shard        smallint    not null default 0,
    interactions bigint      not null,
    primary key (month, owner_id, channel, customer, shard)
);

-- Orders (not cancelled) per client owner and month of ordering: revenue for the lifetime value.
create table insight_order_rollup (
    month    date           not null,
    owner_id bigint         not null,
    orders   bigint         not null,
    revenue  numeric(18, 2) not null,
    primary key (month, owner_id)
);

create function insight_status_add(p_from varchar, p_from_owner bigint, p_to varchar, p_owner bigint,
                                   p_at timestamptz, p_sign integer) returns void
    language plpgsql as $$
declare
    m date := date_trunc('month', p_at)::date;
begin
    if p_from is not null then
        insert into insight_status_stock as s (month, owner_id, status, net)
        values (m, coalesce(p_from_owner, p_owner), p_from, -p_sign)
        on conflict (month, owner_id, status) do update set net = s.net + excluded.net;
    end if;
    insert into insight_status_stock as s (month, owner_id, status, net)
    values (m, p_owner, p_to, p_sign)
    on conflict (month, owner_id, status) do update set net = s.net + excluded.net;
    if coalesce(p_from, 'NEW') <> p_to then
        insert into insight_status_flow as f (month, owner_id, from_status, to_status, changes)
        values (m, p_owner, coalesce(p_from, 'NEW'), p_to, p_sign)
        on conflict (month, owner_id, from_status, to_status) do update set changes = f.changes + excluded.changes;
    end if;
end
$$;

create function insight_status_rollup() returns trigger
    language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform insight_status_add(old.from_status, old.from_owner_id, old.to_status, old.owner_id, old.changed_at, -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform insight_status_add(new.from_status, new.from_owner_id, new.to_status, new.owner_id, new.changed_at, 1);
    end if;
    return null;
end
$$;

create trigger company_status_change_rollup after insert or update or delete on company_status_change
    for each row execute function insight_status_rollup();

create function insight_survey_add(p_company bigint, p_kind varchar, p_at timestamptz, p_sent integer,
                                   p_score integer) returns void
    language sql as $$
    insert into insight_survey_rollup as r (month, owner_id, kind, sent, answered, score_sum, promoters, detractors)
    select date_trunc('month', p_at)::date, c.owner_id, p_kind, p_sent, case when p_score is null then 0 else 1 end,
           coalesce(p_score, 0), case when p_kind = 'NPS' and p_score >= 9 then 1 else 0 end,
           case when p_kind = 'NPS' and p_score <= 6 then 1 else 0 end
    from company c where c.id = p_company
    on conflict (month, owner_id, kind) do update
        set sent = r.sent + excluded.sent, answered = r.answered + excluded.answered,
            score_sum = r.score_sum + excluded.score_sum, promoters = r.promoters + excluded.promoters,
            detractors = r.detractors + excluded.detractors
$$;

create function insight_survey_rollup() returns trigger
    language plpgsql as $$
begin
    if new.company_id is null then
        return null;
    end if;
    if new.sent_at is not null and (tg_op = 'INSERT' or old.sent_at is null) then
        perform insight_survey_add(new.company_id, new.kind, new.sent_at, 1, null);
    end if;
    if new.answered_at is not null and (tg_op = 'INSERT' or old.answered_at is null) then
        perform insight_survey_add(new.company_id, new.kind, new.answered_at, 0, new.score);
    end if;
    return null;
end
$$;

create trigger survey_insight_rollup_insert after insert on survey
    for each row execute function insight_survey_rollup();
create trigger survey_insight_rollup_update after update on survey
    for each row when (old.sent_at is distinct from new.sent_at or old.answered_at is distinct from new.answered_at)
    execute function insight_survey_rollup();

create function insight_interaction_add(p_company bigint, p_channel varchar, p_at timestamptz, p_sign integer)
    returns void
    language sql as $$
    insert into insight_interaction_rollup as r (month, owner_id, channel, customer, shard, interactions)
    select date_trunc('month', p_at)::date, c.owner_id, p_channel, c.status = 'CUSTOMER', pg_backend_pid() % 16, p_sign
    from company c where c.id = p_company
    on conflict (month, owner_id, channel, customer, shard) do update set interactions = r.interactions + excluded.interactions
$$;

-- Exchanges added or removed by a statement are counted per statement (a bulk load adds a few rollup rows, not
-- one per exchange); an exchange moved (another day, channel or company) is counted row by row.
create function insight_interactions_added() returns trigger
    language plpgsql as $$
begin
    insert into insight_interaction_rollup as r (month, owner_id, channel, customer, shard, interactions)
    select date_trunc('month', a.occurred_at)::date, c.owner_id, a.channel, c.status = 'CUSTOMER',
           pg_backend_pid() % 16, count(*)
    from added a join company c on c.id = a.company_id
    where a.kind = 'EXCHANGE'
    group by 1, 2, 3, 4
    on conflict (month, owner_id, channel, customer, shard) do update set interactions = r.interactions + excluded.interactions;
    return null;
end
$$;

create function insight_interactions_removed() returns trigger
    language plpgsql as $$
begin
    insert into insight_interaction_rollup as r (month, owner_id, channel, customer, shard, interactions)
    select date_trunc('month', d.occurred_at)::date, c.owner_id, d.channel, c.status = 'CUSTOMER',
           pg_backend_pid() % 16, -count(*)
    from removed d join company c on c.id = d.company_id
    where d.kind = 'EXCHANGE'
    group by 1, 2, 3, 4
    on conflict (month, owner_id, channel, customer, shard) do update set interactions = r.interactions + excluded.interactions;
    return null;
end
$$;

create function insight_interaction_moved() returns trigger
    language plpgsql as $$
begin
    if old.kind = 'EXCHANGE' and old.company_id is not null then
        perform insight_interaction_add(old.company_id, old.channel, old.occurred_at, -1);
    end if;
    if new.kind = 'EXCHANGE' and new.company_id is not null then
        perform insight_interaction_add(new.company_id, new.channel, new.occurred_at, 1);
    end if;
    return null;
end
$$;

create trigger interaction_insight_rollup_insert after insert on interaction
    referencing new table as added for each statement execute function insight_interactions_added();
create trigger interaction_insight_rollup_delete after delete on interaction
    referencing old table as removed for each statement execute function insight_interactions_removed();
create trigger interaction_insight_rollup_update after update on interaction
    for each row
    when (old.occurred_at is distinct from new.occurred_at or old.channel is distinct from new.channel
          or old.company_id is distinct from new.company_id or old.kind is distinct from new.kind)
    execute function insight_interaction_moved();

create function insight_order_add(p_company bigint, p_on date, p_sign integer, p_total numeric) returns void
    language sql as $$
    insert into insight_order_rollup as r (month, owner_id, orders, revenue)
    select date_trunc('month', p_on)::date, c.owner_id, p_sign, p_sign * p_total
    from company c where c.id = p_company
    on conflict (month, owner_id) do update set orders = r.orders + excluded.orders, revenue = r.revenue + excluded.revenue
$$;

create function insight_order_rollup() returns trigger
    language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') and old.status <> 'CANCELLED' then
        perform insight_order_add(old.company_id, old.ordered_on, -1, old.total);
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.status <> 'CANCELLED' then
        perform insight_order_add(new.company_id, new.ordered_on, 1, new.total);
    end if;
    return null;
end
$$;

create trigger customer_order_insight_rollup_insert_delete after insert or delete on customer_order
    for each row execute function insight_order_rollup();
create trigger customer_order_insight_rollup_update after update on customer_order
    for each row
    when ((old.status = 'CANCELLED') is distinct from (new.status = 'CANCELLED') or old.total is distinct from new.total
          or old.ordered_on is distinct from new.ordered_on or old.company_id is distinct from new.company_id)
    execute function insight_order_rollup();

-- Every rollup recomputed from the tables they count, and a status history for each company without one (created
-- with its status; a former customer was a customer first and left at its last order, else at its creation). Run
-- by this migration for what exists already, and by the demo data generator after a load with triggers off.
create function insight_rebuild_rollups() returns void
    language plpgsql as $$
begin
    with missing as (
        select id, status, owner_id, created_at from company c
        where not exists (select 1 from company_status_change h where h.company_id = c.id)
    ), created as (
        insert into company_status_change (company_id, from_status, from_owner_id, to_status, owner_id, changed_at)
        select id, null, null, case when status = 'FORMER_CUSTOMER' then 'CUSTOMER' else status end, owner_id, created_at
        from missing
    )
    insert into company_status_change (company_id, from_status, from_owner_id, to_status, owner_id, changed_at)
    select m.id, 'CUSTOMER', m.owner_id, 'FORMER_CUSTOMER', m.owner_id,
           greatest(m.created_at, coalesce((select max(o.ordered_on)::timestamptz from customer_order o
                                             where o.company_id = m.id), m.created_at))
    from missing m where m.status = 'FORMER_CUSTOMER';

    truncate insight_status_stock, insight_status_flow, insight_survey_rollup, insight_interaction_rollup,
             insight_order_rollup;

    insert into insight_status_stock (month, owner_id, status, net)
    select month, owner_id, status, sum(net) from (
        select date_trunc('month', changed_at)::date as month, owner_id, to_status status, 1 net from company_status_change
        union all
        select date_trunc('month', changed_at)::date, coalesce(from_owner_id, owner_id), from_status, -1
        from company_status_change where from_status is not null
    ) moves group by 1, 2, 3;

    insert into insight_status_flow (month, owner_id, from_status, to_status, changes)
    select date_trunc('month', changed_at)::date, owner_id, coalesce(from_status, 'NEW'), to_status, count(*)
    from company_status_change where coalesce(from_status, 'NEW') <> to_status group by 1, 2, 3, 4;

    insert into insight_survey_rollup (month, owner_id, kind, sent, answered, score_sum, promoters, detractors)
    select month, owner_id, kind, sum(sent), sum(answered), sum(score_sum), sum(promoters), sum(detractors) from (
        select date_trunc('month', s.sent_at)::date as month, c.owner_id, s.kind, 1 sent, 0 answered, 0 score_sum,
               0 promoters, 0 detractors
        from survey s join company c on c.id = s.company_id where s.sent_at is not null
        union all
        select date_trunc('month', s.answered_at)::date, c.owner_id, s.kind, 0, 1, s.score,
               case when s.kind = 'NPS' and s.score >= 9 then 1 else 0 end,
               case when s.kind = 'NPS' and s.score <= 6 then 1 else 0 end
        from survey s join company c on c.id = s.company_id where s.answered_at is not null
    ) answers group by 1, 2, 3;

    insert into insight_interaction_rollup (month, owner_id, channel, customer, interactions)
    select date_trunc('month', i.occurred_at)::date, c.owner_id, i.channel, c.status = 'CUSTOMER', count(*)
    from interaction i join company c on c.id = i.company_id where i.kind = 'EXCHANGE' group by 1, 2, 3, 4;

    insert into insight_order_rollup (month, owner_id, orders, revenue)
    select date_trunc('month', o.ordered_on)::date, c.owner_id, count(*), sum(o.total)
    from customer_order o join company c on c.id = o.company_id where o.status <> 'CANCELLED' group by 1, 2;
end
$$;

select insight_rebuild_rollups();

-- The complaints of a period (resolution and first-response times, mean and median), read from small ranges.
create index complaint_resolved_period_idx on complaint (resolved_at)
    include (company_id, channel, severity, opened_at, first_response_at) where resolved_at is not null;
create index complaint_opened_period_idx on complaint (opened_at)
    include (company_id, channel, severity, first_response_at);
-- Today's customers (the share reached in 90 days), per owner.
create index company_customer_owner_idx on company (owner_id) where status = 'CUSTOMER';
-- The detractors of a period, newest first.
create index survey_answered_period_idx on survey (answered_at desc, id desc) include (company_id, kind, score)
    where answered_at is not null;
