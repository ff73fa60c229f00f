-- Votes on a guide: one per user and version of the guide, changed by voting again. Counted per version (the key's
-- prefix); a reader's own vote is found by the whole key.
create table playbook_vote (
    playbook_id bigint      not null references playbook (id),
    revision    integer     not null,
    user_id     bigint      not null references app_user (id),
    useful      boolean     not null,
    voted_at    timestamptz not null,
    primary key (playbook_id, revision, user_id)
);

-- How much a guide is used: times shown in context on another page, times opened, counted per guide and day (one
-- small row each, whatever the traffic; the list sums them by the key's prefix).
create table playbook_usage (
    playbook_id bigint not null references playbook (id),
    day         date   not null,
    shown       bigint not null default 0,
    opened      bigint not null default 0,
    primary key (playbook_id, day)
);
