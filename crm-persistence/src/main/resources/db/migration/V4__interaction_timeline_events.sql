-- The timeline also carries events from other features (a deal changing stage, a complaint opened or closed,
-- a survey answered, a handoff): one table, one keyset, one query for the whole story of a client.
alter table interaction add column kind varchar(10) not null default 'EXCHANGE' check (kind in ('EXCHANGE', 'EVENT'));
alter table interaction add column event_type varchar(40);
-- What the event is about, for a link: e.g. ('OPPORTUNITY', 42).
alter table interaction add column ref_type varchar(30);
alter table interaction add column ref_id bigint;
alter table interaction alter column channel drop not null;
alter table interaction alter column direction drop not null;
alter table interaction add constraint interaction_exchange_has_channel
    check (kind = 'EVENT' or (channel is not null and direction is not null));
alter table interaction add constraint interaction_event_has_type
    check (kind = 'EXCHANGE' or event_type is not null);
