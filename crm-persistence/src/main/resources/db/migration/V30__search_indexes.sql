-- The search box of every page (SqlSearchQueries): every lookup goes through an index and stops after a few rows.

-- Deals by the start of their title (a range in collation C, as V14 does for names) and by a word inside it.
create index opportunity_title_prefix_idx on opportunity ((relation_fold(title) collate "C"));
create index opportunity_title_trgm_idx on opportunity using gin (relation_fold(title) gin_trgm_ops);

-- Complaints by a word of their description.
create index complaint_description_trgm_idx on complaint using gin (relation_fold(description) gin_trgm_ops);

-- People by the start of their name, wherever they work (contact_private_sort_idx holds private customers only).
create index contact_sort_idx on contact (sort_name, id);

analyze opportunity;
analyze complaint;
analyze contact;
