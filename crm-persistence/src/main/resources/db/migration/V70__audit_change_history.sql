-- Audit history: who changed which field of a company, person, deal, complaint, order or user (role included),
-- when, from what to what. One generic trigger function writes it for every audited table, so writes made in SQL
-- (bulk updates, merges, imports) are recorded like the pages' edits.
--
-- changes: {"column": [old, new], ...} for an UPDATE (only the columns whose value changed); {} for an INSERT or
-- a DELETE (a record's first values are the "old" side of its first change). The trigger's arguments are the
-- columns never recorded (the version, generated columns, technical dates); an argument '*column' records that the
-- column changed but not its values (a password hash).
--
-- The actor is what the application said for the transaction (audit.persistence.ActorOnFirstWrite sets
-- relation.actor_id and relation.actor_name with set_config(..., true) before the transaction's first write);
-- a write without it (a script, a scheduled job) has no actor.

create table change_history (
    id          bigint generated always as identity primary key,
    table_name  varchar(40) not null,
    record_id   bigint      not null,
    changed_at  timestamptz not null default now(),
    actor_id    bigint,
    actor_name  varchar(120),
    operation   varchar(6)  not null check (operation in ('INSERT', 'UPDATE', 'DELETE')),
    changes     jsonb       not null
);

-- A record's history, newest first, by keyset (changed_at, id).
create index change_history_record_idx on change_history (table_name, record_id, changed_at desc, id desc);

-- An anonymised row (GDPR erasure: contact.anonymised_at set) records which fields changed, never their values: the
-- erasure's own update is flushed at commit, after the application forgot the earlier values
-- (ChangeHistory.forgetValues), and must not bring the erased names back. updated_at, kept by a trigger of its own
-- for the API's "updatedSince" filters (V77, V78), is a technical date like version: skipped everywhere.
create function audit_record_change() returns trigger
    language plpgsql as $$
declare
    diff   jsonb := '{}';
    rec    bigint;
    erased boolean;
begin
    if tg_op = 'UPDATE' then
        erased := (to_jsonb(new) ->> 'anonymised_at') is not null;
        select jsonb_object_agg(n.key, case when erased or ('*' || n.key) = any (tg_argv) then '[null, null]'::jsonb
                                            else jsonb_build_array(o.value, n.value) end)
          into diff
          from jsonb_each(to_jsonb(new)) n
          join jsonb_each(to_jsonb(old)) o on o.key = n.key
         where n.value is distinct from o.value
           and not (n.key = any (tg_argv));
        if diff is null then
            return null; -- nothing but skipped columns changed
        end if;
        rec := new.id;
    elsif tg_op = 'INSERT' then
        rec := new.id;
    else
        rec := old.id;
    end if;
    insert into change_history (table_name, record_id, actor_id, actor_name, operation, changes)
    values (tg_table_name, rec,
            nullif(current_setting('relation.actor_id', true), '')::bigint,
            nullif(current_setting('relation.actor_name', true), ''),
            tg_op, diff);
    return null;
end
$$;

create trigger company_change_history after insert or update or delete on company
    for each row execute function audit_record_change('version', 'sort_name', 'search_text', 'siren', 'created_at',
                                                      'siren_legacy_duplicate', 'updated_at');
create trigger contact_change_history after insert or update or delete on contact
    for each row execute function audit_record_change('version', 'sort_name', 'search_text', 'created_at',
                                                      'updated_at');
create trigger opportunity_change_history after insert or update or delete on opportunity
    for each row execute function audit_record_change('version', 'created_at', 'stage_entered_at',
                                                      'last_activity_at', 'updated_at');
create trigger complaint_change_history after insert or update or delete on complaint
    for each row execute function audit_record_change('version', 'updated_at');
create trigger customer_order_change_history after insert or update or delete on customer_order
    for each row execute function audit_record_change('version', 'created_at', 'updated_at');
create trigger app_user_change_history after insert or update or delete on app_user
    for each row execute function audit_record_change('version', '*password_hash', 'updated_at');
