-- "My day" for a manager: who in the team has late work. Open follow-ups and open deals by due date, so the
-- aggregate reads only what is late (index-only), not every open next step nor the whole tables. A follow-up
-- planned by a timeline event (a care check-in) has a due date but no text of its own (V23): it counts too.
create index interaction_late_next_step_idx on interaction (next_step_due)
    include (next_step_assignee_id, author_id)
    where next_step_due is not null and next_step_done_at is null;
create index opportunity_open_next_step_due_idx on opportunity (next_step_due) include (owner_id)
    where stage in ('PROSPECTING', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION');
-- "My day" for the order desk: the deals signed lately, newest first.
create index opportunity_won_idx on opportunity (closed_at desc, id desc) where stage = 'WON';
