-- When a person was anonymised (GDPR erasure): their names, contacts and notes are gone, the row stays so the
-- statistics and their company's history keep counting them.
alter table contact add column anonymised_at timestamptz;
