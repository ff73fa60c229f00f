-- The completeness score (DataCompleteness, one rule in crm-core) of every company, computed by a nightly job
-- (CompletenessJob), so that a manager's page lists each rep's least complete clients from an index instead of
-- scoring every company on a page view; and one row per day and owner, what the trend is drawn from.
create table company_completeness (
    company_id  bigint       primary key references company (id) on delete cascade,
    owner_id    bigint       not null,
    score       integer      not null check (score between 0 and 100),
    missing     varchar(300) not null, -- MissingItem codes, most important first
    computed_at timestamptz  not null
);
create index company_completeness_owner_idx on company_completeness (owner_id, score, company_id);

create table completeness_snapshot (
    day       date    not null,
    owner_id  bigint  not null references app_user (id),
    companies integer not null,
    score_sum bigint  not null,
    complete  integer not null, -- companies scoring 100
    primary key (day, owner_id)
);
