-- The coaching queue reads the last two weeks of exchanges, each rep's newest first, and looks around each of them
-- for an escalated complaint of the client and a concession granted without counterpart by the rep.
create index interaction_recent_exchange_idx on interaction (author_id, occurred_at desc, id desc)
    where kind = 'EXCHANGE';
create index complaint_escalated_idx on complaint (company_id, escalated_at) where escalated_at is not null;
create index concession_without_counterpart_idx on concession (granted_by, granted_at) where counterpart = 'NONE';
