-- The board's columns of deals won and lost this month: their totals and cards by closing time, newest first, for
-- everyone's deals and for one rep's, read from these indexes alone (the rest of a closed deal is not scanned).
create index opportunity_board_closed_idx on opportunity (stage, closed_at, id) include (amount, owner_id)
    where closed_at is not null;
create index opportunity_board_closed_owner_idx on opportunity (owner_id, stage, closed_at, id) include (amount)
    where closed_at is not null;
