-- The churn score's sentiment signal counts a client's negative exchanges of the last 90 days: without this index
-- the 360° card read every exchange of those 90 days (thousands for the largest clients) to find the negative ones.
create index interaction_negative_idx on interaction (company_id, occurred_at) where sentiment = 'NEGATIVE';
