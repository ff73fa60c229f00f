-- The audit log: sign-ins (and failed ones, with the username tried), sign-outs, exports, imports, personal data
-- exported or anonymised. The administrator's page filters by action, user and dates, newest first (keyset).

create table audit_log (
    id       bigint generated always as identity primary key,
    at       timestamptz  not null,
    actor_id bigint,
    actor    varchar(120) not null,
    action   varchar(30)  not null,
    subject  varchar(200),
    details  jsonb        not null default '{}',
    ip       varchar(64)
);

create index audit_log_at_idx on audit_log (at desc, id desc);
create index audit_log_action_idx on audit_log (action, at desc, id desc);
create index audit_log_actor_idx on audit_log (lower(actor), at desc, id desc);
