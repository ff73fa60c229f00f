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

-- Whose next step it is: the author when null, someone else when a feature plans it for them
-- (a care-plan check-in or a detractor's follow-up for the client's owner). "My day" reads open next steps
-- by coalesce(next_step_assignee_id, author_id).
alter table interaction add column next_step_assignee_id bigint references app_user (id);
drop index interaction_open_next_step_idx;
create index interaction_open_next_step_idx on interaction (coalesce(next_step_assignee_id, author_id), next_step_due)
    where next_step is not null and next_step_done_at is null;
