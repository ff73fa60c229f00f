-- The existing rows take the migration's time (a constant default: no table rewrite).
-- The API's "updatedSince" filter for orders too (V77's trigger function, for the order desk's table).
alter table customer_order add column updated_at timestamptz not null default now();
alter table customer_order alter column updated_at set default clock_timestamp();
create trigger customer_order_updated_at before insert or update on customer_order
    for each row execute function relation_touch_updated_at();
create index customer_order_updated_at_idx on customer_order (updated_at, id);
