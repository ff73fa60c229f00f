-- Possible duplicate people (issue 15): the same person typed twice in one company (by sales and by support), found
-- by blocking like the companies' pairs (V59), never by comparing every pair of people.

-- Pairs of people of one company (or two private customers) that look like one person, refreshed with the
-- companies' pairs (DuplicatesJob). first_id < second_id; reasons are codes (EMAIL, PHONE, SAME_NAME, SIMILAR_NAME);
-- score 0-100, computed by the job in SQL. company_id: the company both work for (null: private customers).
create table contact_duplicate (
    first_id   bigint      not null references contact (id) on delete cascade,
    second_id  bigint      not null references contact (id) on delete cascade,
    company_id bigint,     -- no foreign key: a copy for the page, the pair goes with its people
    score      integer     not null check (score between 0 and 100),
    reasons    varchar(60) not null,
    similarity numeric(4, 3) not null,
    found_at   timestamptz not null,
    primary key (first_id, second_id),
    constraint contact_duplicate_ordered check (first_id < second_id)
);
-- the page: strongest first, and among equal scores the newest records first (the duplicate typed last week is the
-- one someone is about to work with)
create index contact_duplicate_score_idx on contact_duplicate (score desc, first_id desc, second_id desc);
create index contact_duplicate_second_idx on contact_duplicate (second_id);

-- Pairs a user said are two different people: the job does not list them again.
create table contact_duplicate_dismissed (
    first_id     bigint      not null references contact (id) on delete cascade,
    second_id    bigint      not null references contact (id) on delete cascade,
    dismissed_by bigint      not null references app_user (id),
    dismissed_at timestamptz not null,
    primary key (first_id, second_id),
    constraint contact_duplicate_dismissed_ordered check (first_id < second_id)
);
create index contact_duplicate_dismissed_second_idx on contact_duplicate_dismissed (second_id);
