-- Requests in the API: their "updatedSince" filter (V77's trigger function, as V78 for orders) and the keyset lists
-- narrowed by status or by the department addressed (id order, as every API list: the queue's indexes are by due
-- time and hold the open requests only). The existing rows take the migration's time (a constant default: no table
-- rewrite).
alter table request add column updated_at timestamptz not null default now();
alter table request alter column updated_at set default clock_timestamp();
create trigger request_updated_at before insert or update on request
    for each row execute function relation_touch_updated_at();
create index request_updated_at_idx on request (updated_at, id);
create index request_status_id_idx on request (status, id);
create index request_department_id_idx on request (to_department, id);
