-- Timeline events are stored as a type (event_type, see TimelineEventType) and structured arguments, rendered in
-- the reader's language when the page is shown. No sentence is stored for an event: its subject is null, its
-- summary is only what a user typed (a complaint's description, a lost deal's comment, a survey's comment), and the
-- next step it plans (a care check-in, a call back after a detractor) has a due date and an assignee but no text.
--
-- JSONB rather than a column per argument: each type has its own few arguments (stages, an amount and its
-- currency, a reason code, a day offset, a survey kind and score…), read only with the row that shows them, never
-- filtered or summed (dashboards read the deals, complaints and surveys themselves). One nullable column keeps the
-- 5-million-row table narrow and lets a new event type come without a migration; TimelineEvent checks in Java that
-- a type gets exactly its arguments.
alter table interaction add column event_args jsonb;
alter table interaction add constraint interaction_event_args_object
    check (event_args is null or jsonb_typeof(event_args) = 'object');
alter table interaction alter column subject drop not null;
alter table interaction add constraint interaction_exchange_has_subject check (kind = 'EVENT' or subject is not null);

alter table interaction drop constraint interaction_next_step_complete;
alter table interaction add constraint interaction_next_step_complete
    check ((next_step is null) = (next_step_due is null) or (kind = 'EVENT' and next_step is null));

-- Open next steps are found by their due date (an event's has no text).
drop index interaction_open_next_step_idx;
create index interaction_open_next_step_idx on interaction (coalesce(next_step_assignee_id, author_id), next_step_due)
    where next_step_due is not null and next_step_done_at is null;
