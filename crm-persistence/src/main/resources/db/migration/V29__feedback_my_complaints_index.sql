-- "My day" for a support agent, and the queue's "mine": one owner's open complaints by the nearest due date.
create index complaint_open_owner_idx on complaint (owner_id, resolution_due, id)
    where status in ('OPEN', 'IN_PROGRESS');
