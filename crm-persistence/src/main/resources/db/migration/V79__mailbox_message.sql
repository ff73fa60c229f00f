-- Emails read from the dropbox mailbox (IMAP). One row per Message-ID: a second copy of the same email is ignored.
-- Matched emails point to the EMAIL interaction they became; the others wait in the "unmatched" queue until a user
-- assigns them to a client or discards them. Attachments: their names only, never the files.
create table mailbox_message (
    id               bigint generated always as identity primary key,
    version          bigint       not null default 0,
    message_id       varchar(998) not null,
    sender           varchar(320) not null,
    sender_name      varchar(200),
    recipients       text[]       not null default '{}',
    subject          varchar(200) not null,
    body             text,
    attachment_names text[]       not null default '{}',
    sent_at          timestamptz  not null,
    received_at      timestamptz  not null,
    status           varchar(10)  not null check (status in ('LOGGED', 'UNMATCHED', 'DISCARDED')),
    interaction_id   bigint references interaction (id) on delete set null,
    handled_by       bigint references app_user (id),
    handled_at       timestamptz,
    constraint mailbox_message_message_id_unique unique (message_id)
);

-- The queue reads the newest unmatched emails first, by keyset on the id.
create index mailbox_message_unmatched_idx on mailbox_message (id desc) where status = 'UNMATCHED';
