-- A segment's survey send leaves out whoever was surveyed lately: a person's last survey, read from this index.
create index survey_contact_idx on survey (contact_id, created_at desc);
-- "Sector is ...", "city is ..." of a segment, compared without case or accents.
create index company_sector_fold_idx on company (relation_fold(sector)) where sector is not null;
create index company_city_fold_idx on company (relation_fold(city)) where city is not null;
-- "Postal code starts with ..." (a department, a region's first digits): a range on this index.
create index company_postal_code_idx on company (postal_code collate "C") where postal_code is not null;
-- A segment's criteria on people (consent per channel, language) among a company's people, read from the index
-- alone: the people table is wide (names, notes, search texts), this is a tenth of it. Measured on 100 000
-- companies and 300 000 people: the count of "customers without a line, silent for 60 days, consent by phone"
-- went from 1.2 s to 0.6 s on a loaded 2-core machine.
create index contact_segment_idx on contact (company_id)
    include (consent_email, consent_phone, consent_sms, consent_letter, language) where company_id is not null;
-- The completeness criterion reads each client's main contact (primary first, else the oldest) from this index
-- alone, in the order it asks for: on 100 000 companies and 300 000 people the count of "completeness below 50"
-- went from 2.9 s to 0.9 s on the same loaded machine.
create index contact_main_idx on contact (company_id, primary_contact desc, id)
    include (email, phone, mobile, preferred_channel) where company_id is not null;
