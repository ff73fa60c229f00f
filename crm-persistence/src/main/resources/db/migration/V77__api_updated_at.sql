-- The API's "updatedSince" filter (a client that synchronises asks what changed since its last run): the records it
-- serves carry the time of their last write, kept by the database for every writer (pages, API, imports, merges).
-- The existing rows take the migration's time: now() is a constant default that PostgreSQL stores once (no table
-- rewrite, no long lock on a table of millions of interactions); new rows and updates take the trigger's time.
create function relation_touch_updated_at() returns trigger
    language plpgsql as $$
begin
    new.updated_at := clock_timestamp();
    return new;
end
$$;

alter table company add column updated_at timestamptz not null default now();
alter table company alter column updated_at set default clock_timestamp();
alter table contact add column updated_at timestamptz not null default now();
alter table contact alter column updated_at set default clock_timestamp();
alter table interaction add column updated_at timestamptz not null default now();
alter table interaction alter column updated_at set default clock_timestamp();
alter table opportunity add column updated_at timestamptz not null default now();
alter table opportunity alter column updated_at set default clock_timestamp();
alter table complaint add column updated_at timestamptz not null default now();
alter table complaint alter column updated_at set default clock_timestamp();

create trigger company_updated_at before insert or update on company
    for each row execute function relation_touch_updated_at();
create trigger contact_updated_at before insert or update on contact
    for each row execute function relation_touch_updated_at();
create trigger interaction_updated_at before insert or update on interaction
    for each row execute function relation_touch_updated_at();
create trigger opportunity_updated_at before insert or update on opportunity
    for each row execute function relation_touch_updated_at();
create trigger complaint_updated_at before insert or update on complaint
    for each row execute function relation_touch_updated_at();

create index company_updated_at_idx on company (updated_at, id);
create index contact_updated_at_idx on contact (updated_at, id);
create index interaction_updated_at_idx on interaction (updated_at, id);
create index opportunity_updated_at_idx on opportunity (updated_at, id);
create index complaint_updated_at_idx on complaint (updated_at, id);
