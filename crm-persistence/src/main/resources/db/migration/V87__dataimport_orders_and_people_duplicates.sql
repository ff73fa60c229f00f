-- Imports (issue 15): orders from an old ERP, and the likely duplicates of the people an import creates.

-- An imported order keeps its number in the old ERP as its external id: importing the file again finds it and
-- updates it rather than placing it twice. Orders placed in Relation have none.
alter table customer_order add column external_id varchar(100);
create unique index customer_order_external_id_unique on customer_order (external_id) where external_id is not null;

alter table import_job drop constraint import_job_kind_check;
alter table import_job add constraint import_job_kind_check
    check (kind in ('COMPANIES', 'PEOPLE', 'INTERACTIONS', 'ORDERS'));
alter table import_template drop constraint import_template_kind_check;
alter table import_template add constraint import_template_kind_check
    check (kind in ('COMPANIES', 'PEOPLE', 'INTERACTIONS', 'ORDERS'));

-- A likely duplicate is a company's (COMPANIES) or a person's (PEOPLE), as the job's kind says; a person's reasons
-- are the people's duplicates reasons, comma-separated (EMAIL,PHONE,SAME_NAME).
alter table import_duplicate rename column company_id to record_id;
alter table import_duplicate alter column reason type varchar(60);

-- Why two people look like one person, and how strongly (0-100): the one definition that the data-quality refresh
-- of the people's pairs (SqlPersonPairs) and the import's likely duplicates both apply. The same email (case
-- ignored) 70, the same phone (phone or mobile, either way round, 9 digits or more) 40, the same folded name
-- "last first" 50, else a similar one (trigram similarity at least p_similarity) up to 40; no row when none holds.
create function quality_person_likeness(a contact, b contact, p_similarity double precision)
    returns table (score integer, reasons text, similarity numeric)
    language sql stable parallel safe rows 1 as $$
    select least(100, case when same_email then 70 else 0 end
                      + case when same_phone then 40 else 0 end
                      + case when same_name then 50
                             when sim >= p_similarity then round(sim * 40)::int else 0 end),
           concat_ws(',', case when same_email then 'EMAIL' end,
                     case when same_phone then 'PHONE' end,
                     case when same_name then 'SAME_NAME' end,
                     case when not same_name and sim >= p_similarity then 'SIMILAR_NAME' end),
           round(sim::numeric, 3)
      from (select coalesce(lower(a.email) = lower(b.email), false) same_email,
                   coalesce(k.a_phone in (k.b_phone, k.b_mobile), false)
                       or coalesce(k.a_mobile in (k.b_phone, k.b_mobile), false) same_phone,
                   a.sort_name = b.sort_name same_name,
                   similarity(a.sort_name, b.sort_name) sim
              from (select case when length(relation_phone_digits(a.phone)) >= 9 then relation_phone_digits(a.phone) end a_phone,
                           case when length(relation_phone_digits(a.mobile)) >= 9 then relation_phone_digits(a.mobile) end a_mobile,
                           case when length(relation_phone_digits(b.phone)) >= 9 then relation_phone_digits(b.phone) end b_phone,
                           case when length(relation_phone_digits(b.mobile)) >= 9 then relation_phone_digits(b.mobile) end b_mobile) k) s
     where same_email or same_phone or same_name or sim >= p_similarity
$$;

-- The people the refresh would compare with p: its blocks (SqlPersonPairs), for one person, each through an index.
-- A block is the people of p's company (private customers together) with the same email, the same phone or mobile
-- (9 digits or more), the same first three letters of the folded name, or the same folded name; one of more than
-- p_max people (p included) is not searched, as the refresh skips it. Its few rows (rows 5) let the planner join them
-- to their people by primary key: estimated at 1 000, each new person of an import's batch cost a scan of contact.
create function quality_person_candidates(p contact, p_max integer)
    returns setof bigint
    language plpgsql stable parallel safe rows 5 as $$
declare
    prefix text := left(p.sort_name, 3);
    number text;
    numbers text[] := array[relation_phone_digits(p.phone)];
    block bigint[];
    other bigint;
begin
    -- each block in one statement, at most p_max + 1 of its people; a crowded one is skipped
    if p.email is not null then
        block := array(select b.id from contact b
                        where lower(b.email) collate "C" = lower(p.email) collate "C"
                          and b.company_id is not distinct from p.company_id
                        limit p_max + 1);
        if cardinality(block) <= p_max then
            foreach other in array block loop
                if other <> p.id then return next other; end if;
            end loop;
        end if;
    end if;
    if relation_phone_digits(p.mobile) <> numbers[1] then
        numbers := numbers || relation_phone_digits(p.mobile);
    end if;
    foreach number in array numbers loop
        if length(number) >= 9 then
            block := array(select b.id from contact b
                            where b.phone is not null and relation_phone_digits(b.phone) = number
                              and b.company_id is not distinct from p.company_id
                           union
                           select b.id from contact b
                            where b.mobile is not null and relation_phone_digits(b.mobile) = number
                              and b.company_id is not distinct from p.company_id
                           limit p_max + 1);
            if cardinality(block) <= p_max then
                foreach other in array block loop
                    if other <> p.id then return next other; end if;
                end loop;
            end if;
        end if;
    end loop;
    -- the same name start; the same name only when that block is crowded (else its people are among the first)
    if p.company_id is not null then
        block := array(select b.id from contact b where b.company_id = p.company_id and left(b.sort_name, 3) = prefix
                        limit p_max + 1);
    else
        block := array(select b.id from contact b
                        where b.company_id is null and b.sort_name >= prefix and b.sort_name < prefix || chr(1114111)
                          and left(b.sort_name, 3) = prefix
                        limit p_max + 1);
    end if;
    if cardinality(block) > p_max then
        block := array(select b.id from contact b
                        where b.sort_name = p.sort_name and b.company_id is not distinct from p.company_id
                          and (p.company_id is null or b.company_id = p.company_id)
                        limit p_max + 1);
    end if;
    if cardinality(block) <= p_max then
        foreach other in array block loop
            if other <> p.id then return next other; end if;
        end loop;
    end if;
end
$$;
