-- "Starts with" search on the clients list (the default): LIKE 'text%' can only use a b-tree whose operator class
-- compares bytes, unless the database collation is C. The matches are few, so sorting them by name is cheap.
create index company_sort_prefix_idx on company (sort_name text_pattern_ops);
create index contact_private_sort_prefix_idx on contact (sort_name text_pattern_ops) where company_id is null;
-- An email address typed in the search box: the people whose email starts with it.
create index contact_email_prefix_idx on contact (lower(email) text_pattern_ops) where email is not null;
