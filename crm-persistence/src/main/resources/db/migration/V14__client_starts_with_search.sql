-- The clients list sorts and pages by sort_name, and its default search, "the name starts with", is a range of it.
-- In the C collation (byte order; sort_name is already lower case without accents) one b-tree serves the range, the
-- order and the limit at once, also in a prepared statement's generic plan, where "like :pattern" could not use it.
alter table company alter column sort_name type text collate "C";
alter table contact alter column sort_name type text collate "C";

-- An email address typed in the search box: the people whose email starts with it.
create index contact_email_prefix_idx on contact ((lower(email) collate "C")) where email is not null;

-- The planner knows how many emails fall in a range only once the expression index has statistics.
analyze company;
analyze contact;
