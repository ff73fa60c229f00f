-- Imports write companies by batches of a thousand rows in one statement: the status history (V47) and its monthly
-- rollups (V48) were kept row by row, each new company inserting its first status, whose trigger upserted the
-- same rollup rows again and again (about 40 % of an import's time). On insert they are now kept once per
-- statement from its transition table, the rollups added up per month, owner and status: the same rows and sums
-- as before, whether one company is created or a thousand. Updates and deletes stay row by row (a status change,
-- a merge: one row at a time anyway).

create function insight_company_status_history_added() returns trigger
    language plpgsql as $$
begin
    insert into company_status_change (company_id, from_status, from_owner_id, to_status, owner_id, changed_at)
    select id, null, null, status, owner_id, created_at from added order by id;
    return null;
end
$$;

drop trigger company_status_history_insert on company;
create trigger company_status_history_insert after insert on company
    referencing new table as added
    for each statement execute function insight_company_status_history_added();

create function insight_status_changes_added() returns trigger
    language plpgsql as $$
begin
    insert into insight_status_stock as s (month, owner_id, status, net)
    select date_trunc('month', changed_at)::date, coalesce(from_owner_id, owner_id), from_status, -count(*)
      from added where from_status is not null
     group by 1, 2, 3
    on conflict (month, owner_id, status) do update set net = s.net + excluded.net;
    insert into insight_status_stock as s (month, owner_id, status, net)
    select date_trunc('month', changed_at)::date, owner_id, to_status, count(*)
      from added
     group by 1, 2, 3
    on conflict (month, owner_id, status) do update set net = s.net + excluded.net;
    insert into insight_status_flow as f (month, owner_id, from_status, to_status, changes)
    select date_trunc('month', changed_at)::date, owner_id, coalesce(from_status, 'NEW'), to_status, count(*)
      from added where coalesce(from_status, 'NEW') <> to_status
     group by 1, 2, 3, 4
    on conflict (month, owner_id, from_status, to_status) do update set changes = f.changes + excluded.changes;
    return null;
end
$$;

drop trigger company_status_change_rollup on company_status_change;
create trigger company_status_change_rollup after update or delete on company_status_change
    for each row execute function insight_status_rollup();
create trigger company_status_change_rollup_insert after insert on company_status_change
    referencing new table as added
    for each statement execute function insight_status_changes_added();
