-- Counting a segment on the benchmark's data (issue 14: 100 000 companies, 300 000 people, 977 711 orders) in well
-- under 500 ms: EXPLAIN (ANALYZE, BUFFERS) showed three criteria reading far more than they need (docs/benchmarks.md,
-- "Counting a segment").

-- 1. Completeness: the main contact of each company (primary first, else the oldest: SegmentSql.MAIN_CONTACT's
--    order) was looked up by one index probe per company, 100 000 probes per count. Its three facts are kept here,
--    one row per company that has people (no row: no contact), so that the score reads two tables by their keys.
--    The score itself stays computed where it is defined (MissingItem's weights, SegmentSql.completenessScore): only
--    facts are stored, none of the time-dependent "recent interaction" item.
create table company_main_contact (
    company_id  bigint primary key references company (id) on delete cascade,
    has_email   boolean not null default false,
    has_phone   boolean not null default false,
    has_channel boolean not null default false
);

insert into company_main_contact (company_id, has_email, has_phone, has_channel)
select distinct on (k.company_id) k.company_id, k.email is not null, k.phone is not null or k.mobile is not null,
       k.preferred_channel is not null
  from contact k
 where k.company_id is not null
 order by k.company_id, k.primary_contact desc, k.id;

-- The main contact of these companies read again from their people. Each company's row is locked first (made if
-- missing), in id order: a transaction changing the same company's people concurrently waits there until it
-- commits, and the statements after it, each with a snapshot of its own (read committed), see what it changed.
create function company_main_contact_refresh(p_companies bigint[]) returns void
    language plpgsql as $$
begin
    insert into company_main_contact as m (company_id)
    select distinct t.id from unnest(p_companies) t(id) where t.id is not null order by t.id
    on conflict (company_id) do update set has_email = m.has_email;
    update company_main_contact m
       set has_email = k.email is not null, has_phone = k.phone is not null or k.mobile is not null,
           has_channel = k.preferred_channel is not null
      from (select distinct on (k.company_id) k.company_id, k.email, k.phone, k.mobile, k.preferred_channel
              from (select distinct id from unnest(p_companies) t(id)) t
              join contact k on k.company_id = t.id
             order by k.company_id, k.primary_contact desc, k.id) k
     where m.company_id = k.company_id;
    delete from company_main_contact m
     using (select distinct id from unnest(p_companies) t(id)) t
     where m.company_id = t.id
       and not exists (select 1 from contact k where k.company_id = m.company_id);
end
$$;

-- One refresh per statement (an import or a merge moving many people costs one pass), for the companies whose
-- people came, went, or changed in a way that can change the main contact or its facts (an edit of a name or a
-- consent changes nothing here).
create function company_main_contact_follow() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform company_main_contact_refresh(array(select company_id from new_rows where company_id is not null));
    elsif tg_op = 'DELETE' then
        perform company_main_contact_refresh(array(select company_id from old_rows where company_id is not null));
    else
        perform company_main_contact_refresh(array(
            select unnest(array[o.company_id, n.company_id])
              from old_rows o join new_rows n on n.id = o.id
             where (o.company_id, o.primary_contact, o.email is null, o.phone is null and o.mobile is null,
                    o.preferred_channel is null)
                   is distinct from
                   (n.company_id, n.primary_contact, n.email is null, n.phone is null and n.mobile is null,
                    n.preferred_channel is null)));
    end if;
    return null;
end
$$;

create trigger contact_main_contact_insert after insert on contact
    referencing new table as new_rows for each statement execute function company_main_contact_follow();
create trigger contact_main_contact_update after update on contact
    referencing old table as old_rows new table as new_rows
    for each statement execute function company_main_contact_follow();
create trigger contact_main_contact_delete after delete on contact
    referencing old table as old_rows for each statement execute function company_main_contact_follow();

-- 2. Orders of at least an amount in a period: a parallel scan of the whole order table, then a hash aggregate of
--    the period's 350 000 orders that spilled to disk (work_mem 4 MB), done twice (companies, then people). This
--    index holds what the criterion reads, in the order of the company: the sums come from an index-only scan,
--    added up company after company (a group aggregate, no hash table), and merged with the companies' keys.
create index customer_order_segment_idx on customer_order (company_id, ordered_on) include (total)
    where status <> 'CANCELLED';

-- 3. The last NPS answer of each client: the answers' index did not hold the score, so each of them was read from
--    the table. The same index with the score (it serves every query of the old one: same keys, same condition).
create index survey_company_answer_score_idx on survey (company_id, kind, answered_at desc) include (score)
    where answered_at is not null;
drop index survey_company_answer_idx;
alter index survey_company_answer_score_idx rename to survey_company_answer_idx;
