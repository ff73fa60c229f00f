-- Where the poller stopped in each IMAP folder: the last UID read, valid while the folder keeps its UIDVALIDITY
-- (a folder rebuilt on the server gets another one, and is read again from its start: Message-IDs stop duplicates).
create table mailbox_cursor (
    folder       varchar(200) primary key,
    uid_validity bigint      not null,
    last_uid     bigint      not null,
    read_at      timestamptz not null
);
