-- Data quality (issue 14): one active company per SIREN, the lookups that find likely duplicates, and the pairs the
-- "possible duplicates" page lists.

-- The SIREN is the first 9 digits of a SIREN or a SIRET (legal_id is stored without spaces).
alter table company add column siren varchar(9) generated always as (left(legal_id, 9)) stored;
-- Companies entered before this rule may share a SIREN: the oldest keeps it in the unique index, the others are
-- flagged (they show on the duplicates page, where a merge ends the pair). New and edited rows are never flagged.
alter table company add column siren_legacy_duplicate boolean not null default false;
update company c set siren_legacy_duplicate = true
 where c.siren is not null and exists (select 1 from company o where o.siren = c.siren and o.id < c.id);
-- "A SIREN is unique among active companies": a merged company is deleted (its row kept in company_merge for the
-- undo), so every row here is active. The index also settles two users saving the same SIREN at the same time.
create unique index company_siren_unique on company (siren) where siren is not null and not siren_legacy_duplicate;
-- every company with a SIREN, flagged or not, for the lookups below
create index company_siren_idx on company (siren) where siren is not null;

-- Likely duplicates of what a form is about to save, each through an index:
-- the same phone, digits only (relation_phone_digits, V2), for companies and people (phone or mobile),
create index company_phone_digits_idx on company (relation_phone_digits(phone)) where phone is not null;
create index contact_phone_digits_idx on contact (relation_phone_digits(phone)) where phone is not null;
create index contact_mobile_digits_idx on contact (relation_phone_digits(mobile)) where mobile is not null;
-- a similar name (pg_trgm, enabled in V2) in the same city,
create index company_name_trgm_idx on company using gin (sort_name gin_trgm_ops);
create index contact_name_trgm_idx on contact using gin (sort_name gin_trgm_ops);
create index company_city_idx on company (relation_fold(city), left(sort_name, 3)) where city is not null;
-- the same email (contact_email_prefix_idx, V14, serves equality on lower(email) too).

-- Pairs of companies that look like the same one, refreshed by a scheduled job (DuplicatesJob) by blocking
-- (same SIREN, same phone, same city and name start), never by comparing every pair on a page view.
-- first_id < second_id; reasons are codes (SIREN, PHONE, NAME_CITY); score 0-100, computed by the job in SQL.
create table company_duplicate (
    first_id   bigint      not null references company (id) on delete cascade,
    second_id  bigint      not null references company (id) on delete cascade,
    score      integer     not null check (score between 0 and 100),
    reasons    varchar(60) not null,
    similarity numeric(4, 3) not null,
    found_at   timestamptz not null,
    primary key (first_id, second_id),
    constraint company_duplicate_ordered check (first_id < second_id)
);
create index company_duplicate_score_idx on company_duplicate (score desc, first_id, second_id);
create index company_duplicate_second_idx on company_duplicate (second_id);

-- Pairs a user said are not the same company: the job does not list them again.
create table company_duplicate_dismissed (
    first_id     bigint      not null references company (id) on delete cascade,
    second_id    bigint      not null references company (id) on delete cascade,
    dismissed_by bigint      not null references app_user (id),
    dismissed_at timestamptz not null,
    primary key (first_id, second_id),
    constraint company_duplicate_dismissed_ordered check (first_id < second_id)
);
create index company_duplicate_dismissed_second_idx on company_duplicate_dismissed (second_id);

analyze company;
analyze contact;
