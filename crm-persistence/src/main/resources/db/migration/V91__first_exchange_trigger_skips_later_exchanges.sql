-- The first exchange of a company (V86) is kept by a trigger on every insert into interaction. Almost every new
-- exchange comes after the company's first one, and its INSERT ... ON CONFLICT DO UPDATE ... WHERE still locked the
-- company's row (a write of the row's lock, held until the end of the transaction) before finding that nothing was
-- to change. A company whose first exchange is earlier is now left out before the insert: one index lookup, no lock.
-- The ON CONFLICT clause stays for the companies it does not see yet (a first exchange committed meanwhile).
create or replace function company_first_exchange_added() returns trigger
    language plpgsql as $$
begin
    insert into company_first_exchange as f (company_id, first_at, interaction_id, channel)
    select distinct on (company_id) company_id, occurred_at, id, channel
      from added a
     where kind = 'EXCHANGE' and company_id is not null
       and not exists (select 1 from company_first_exchange e
                        where e.company_id = a.company_id and (e.first_at, e.interaction_id) < (a.occurred_at, a.id))
     order by company_id, occurred_at, id
    on conflict (company_id) do update
        set first_at = excluded.first_at, interaction_id = excluded.interaction_id, channel = excluded.channel
    where (excluded.first_at, excluded.interaction_id) < (f.first_at, f.interaction_id);
    return null;
end
$$;
