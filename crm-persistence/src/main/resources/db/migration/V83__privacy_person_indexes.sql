-- A person's complaints and orders, read by their export and their legal holds (by company, existing indexes serve).
create index complaint_contact_idx on complaint (contact_id, opened_at desc) where contact_id is not null;
create index customer_order_contact_idx on customer_order (contact_id, ordered_on desc) where contact_id is not null;
