-- How many entries each company's timeline holds, kept as interactions are inserted, so that the 360° page says it
-- without counting up to tens of thousands of rows on every visit. Interactions are never deleted nor moved to
-- another company, so inserts are all there is to follow; one statement-level trigger, as V33's, so a bulk insert
-- costs one aggregate.
create table company_timeline_count (
    company_id bigint primary key references company (id),
    entries    bigint not null
);

insert into company_timeline_count (company_id, entries)
select company_id, count(*) from interaction where company_id is not null group by company_id;

create function company_timeline_count_follow() returns trigger
    language plpgsql as $$
begin
    insert into company_timeline_count as s (company_id, entries)
    select company_id, count(*) from added where company_id is not null group by company_id
    on conflict (company_id) do update set entries = s.entries + excluded.entries;
    return null;
end
$$;

create trigger interaction_timeline_count after insert on interaction
    referencing new table as added for each statement execute function company_timeline_count_follow();
