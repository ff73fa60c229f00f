-- 1. The first exchange of each company, kept as exchanges are logged, moved and deleted: the KPI dashboard's
--    acquisition by channel counts each new customer under the channel of its first exchange, and read it from the
--    company's timeline index once per new customer (10 000 over two years at the benchmark's size, 100 ms). A
--    table of its own, as company_last_exchange (V33) is, so that logging a call does not rewrite the company's row.
--    "First" is the oldest by (occurred_at, id), as the statement it replaces ordered them. Unlike the last exchange,
--    the first one follows every path: an exchange inserted (a form, the API, an import; one aggregate per
--    statement), updated (another date, channel or company: the company merge and its undo move interactions) or
--    deleted. A company whose first exchange moved away or changed is looked up again from its timeline index.
create table company_first_exchange (
    company_id     bigint primary key references company (id),
    first_at       timestamptz not null,
    interaction_id bigint      not null,
    channel        varchar(20) not null
);

-- one sort of the exchanges (not one index lookup per company): seconds at 5 M interactions
set local work_mem = '256MB';
insert into company_first_exchange (company_id, first_at, interaction_id, channel)
select distinct on (company_id) company_id, occurred_at, id, channel
  from interaction
 where kind = 'EXCHANGE' and company_id is not null
 order by company_id, occurred_at, id;
reset work_mem;

-- The companies' first exchanges looked up again from their timeline indexes (newest first, read backwards).
create function company_first_exchange_recount(companies bigint[]) returns void
    language sql as $$
    delete from company_first_exchange where company_id = any (companies);
    insert into company_first_exchange as f (company_id, first_at, interaction_id, channel)
    select c.id, i.occurred_at, i.id, i.channel
      from unnest(companies) as c (id)
     cross join lateral (select x.occurred_at, x.id, x.channel from interaction x
                          where x.company_id = c.id and x.kind = 'EXCHANGE'
                          order by x.occurred_at, x.id limit 1) i
    on conflict (company_id) do update
        set first_at = excluded.first_at, interaction_id = excluded.interaction_id, channel = excluded.channel
    where (excluded.first_at, excluded.interaction_id) < (f.first_at, f.interaction_id);
$$;

create function company_first_exchange_added() returns trigger
    language plpgsql as $$
begin
    insert into company_first_exchange as f (company_id, first_at, interaction_id, channel)
    select distinct on (company_id) company_id, occurred_at, id, channel
      from added
     where kind = 'EXCHANGE' and company_id is not null
     order by company_id, occurred_at, id
    on conflict (company_id) do update
        set first_at = excluded.first_at, interaction_id = excluded.interaction_id, channel = excluded.channel
    where (excluded.first_at, excluded.interaction_id) < (f.first_at, f.interaction_id);
    return null;
end
$$;

create function company_first_exchange_removed() returns trigger
    language plpgsql as $$
begin
    perform company_first_exchange_recount(array(
        select f.company_id from removed r
          join company_first_exchange f on f.company_id = r.company_id and f.interaction_id = r.id));
    return null;
end
$$;

-- An update that changes none of the four columns (a next step done, a subject rewritten) costs one join of the
-- statement's rows and touches nothing.
create function company_first_exchange_moved() returns trigger
    language plpgsql as $$
begin
    -- a company's first exchange moved away, to another date or channel, or is no longer an exchange
    perform company_first_exchange_recount(array(
        select f.company_id from old_rows o
          join new_rows n on n.id = o.id
          join company_first_exchange f on f.company_id = o.company_id and f.interaction_id = o.id
         where (o.company_id, o.occurred_at, o.kind, o.channel)
               is distinct from (n.company_id, n.occurred_at, n.kind, n.channel)));
    -- exchanges arriving at a company or earlier in its history: kept where earlier than the one known
    insert into company_first_exchange as f (company_id, first_at, interaction_id, channel)
    select distinct on (n.company_id) n.company_id, n.occurred_at, n.id, n.channel
      from new_rows n
      join old_rows o on o.id = n.id
     where n.kind = 'EXCHANGE' and n.company_id is not null
       and (o.company_id, o.occurred_at, o.kind, o.channel)
           is distinct from (n.company_id, n.occurred_at, n.kind, n.channel)
     order by n.company_id, n.occurred_at, n.id
    on conflict (company_id) do update
        set first_at = excluded.first_at, interaction_id = excluded.interaction_id, channel = excluded.channel
    where (excluded.first_at, excluded.interaction_id) < (f.first_at, f.interaction_id);
    return null;
end
$$;

create trigger interaction_first_exchange_insert after insert on interaction
    referencing new table as added for each statement execute function company_first_exchange_added();
create trigger interaction_first_exchange_delete after delete on interaction
    referencing old table as removed for each statement execute function company_first_exchange_removed();
create trigger interaction_first_exchange_update after update on interaction
    referencing old table as old_rows new table as new_rows for each statement
    execute function company_first_exchange_moved();

-- 2. The consent history says when a person's consent changed because two records of them were merged (the kept
--    record took the other's value for a channel) and when that merge was undone (the value given back).
alter table consent_history drop constraint consent_history_source_check;
alter table consent_history add constraint consent_history_source_check
    check (source in ('FORM', 'IMPORT', 'API', 'EMAIL', 'PHONE', 'INITIAL', 'ERASURE', 'MERGE', 'MERGE_UNDONE'));

-- 3. Customers reached in 90 days as of each month's start, per owner at that time: the KPI dashboard compares
--    today's share with the one at the end of the previous period. Computing it there means the customers of that
--    day (status history) and, for each, an exchange in the 90 days before (one timeline lookup per customer: 1.7 s
--    for a year's start at the benchmark's size), so it is measured once per month start by a job and read here.
--    A month start is measured when its row is in insight_reached_measured (owners without customers have none).
create table insight_reached_month (
    as_of     date   not null,
    owner_id  bigint not null,
    customers bigint not null,
    reached   bigint not null,
    primary key (as_of, owner_id)
);
create table insight_reached_measured (
    as_of       date primary key,
    measured_at timestamptz not null
);
