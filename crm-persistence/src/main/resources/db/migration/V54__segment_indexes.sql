-- A segment's survey send leaves out whoever was surveyed lately: a person's last survey, read from this index.
create index survey_contact_idx on survey (contact_id, created_at desc);
-- "Sector is ...", "city is ..." of a segment, compared without case or accents.
create index company_sector_fold_idx on company (relation_fold(sector)) where sector is not null;
create index company_city_fold_idx on company (relation_fold(city)) where city is not null;
-- "Postal code starts with ..." (a department, a region's first digits): a range on this index.
create index company_postal_code_idx on company (postal_code collate "C") where postal_code is not null;
