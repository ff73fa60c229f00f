-- Failed sign-ins, counted per account and per client address, shared by every app node (see LoginThrottle).
-- Small and short-lived: a success deletes the account's row, a purge deletes rows whose last failure is older
-- than the counting window. Unknown usernames are counted too (the answer must not tell whether an account
-- exists); an address is locked after a few dozen failures, which bounds the usernames one address can add.
create table login_attempt (
    kind            varchar(7)  not null check (kind in ('ACCOUNT', 'ADDRESS')),
    subject         varchar(64) not null,
    failures        integer     not null,
    last_failure_at timestamptz not null,
    locked_until    timestamptz,
    primary key (kind, subject)
);

create index login_attempt_last_failure on login_attempt (last_failure_at);
