-- How docs/benchmarks.md's segment counts were measured (issue 14). First (V54): on a scratch database, psql -f this
-- file: synthetic rows at the benchmark's size, then the statements SegmentSql builds, timed. Since V90: on a copy of
-- relation_bench (createdb -T relation_bench relation_seg, migrated to V90), which has every table below but
-- survey and complaint (the generator makes none): run only the survey and complaint inserts (with
-- session_replication_role = replica, as the generator loads), "vacuum analyze", then the statements after
-- "\timing on", which are those SqlSegmentQueries.count builds since V90, one per criterion, the values inlined.
-- Synthetic data at the benchmark's size for the segment counts: 100 000 companies, 300 000 people,
-- 200 000 survey answers, 20 000 complaints, 150 000 held lines, 300 000 orders, the last exchange of each company
-- (the segment statement never reads the interaction table itself: company_last_exchange holds what it needs).
insert into app_user (username, password_hash, full_name, role, department)
select 'u' || g, 'x', 'User ' || g, 'SALES', 'SALES' from generate_series(1, 20) g;
insert into product_line (code, name) select 'L' || g, 'Line ' || g from generate_series(1, 8) g;
insert into company (name, status, owner_id, created_at, sector, size, city, postal_code, legal_id, website)
select 'Company ' || g,
       (array['PROSPECT','CUSTOMER','CUSTOMER','FORMER_CUSTOMER'])[1 + g % 4],
       1 + g % 20, now() - (g % 1500) * interval '1 day',
       (array['Industrie','Commerce','Services','BTP',null])[1 + g % 5],
       (array['MICRO','SMALL','MEDIUM','LARGE'])[1 + g % 4],
       (array['Lyon','Paris','Annecy','Grenoble','Nantes',null])[1 + g % 6],
       lpad((g % 95 + 1)::text, 2, '0') || '000',
       case when g % 3 = 0 then null else lpad(g::text, 9, '0') end,
       case when g % 2 = 0 then 'https://c' || g || '.example' end
from generate_series(1, 100000) g;
insert into contact (company_id, civility, first_name, last_name, email, phone, language, consent_email, consent_phone,
                     consent_sms, created_at, primary_contact, preferred_channel)
select 1 + g % 100000, 'MRS', 'P' || g, 'Person ' || g, 'p' || g || '@example.org',
       case when g % 4 <> 0 then '0600000000' end, (array['fr','en','de'])[1 + g % 3],
       g % 2 = 0, g % 3 <> 0, g % 5 = 0, now(), g <= 100000,
       case when g % 3 = 0 then 'PHONE' end
from generate_series(1, 300000) g;
insert into company_last_exchange (company_id, last_at)
select g, now() - (g % 400) * interval '1 day' from generate_series(1, 100000) g where g % 10 <> 0;
insert into customer_product_line (company_id, product_line_id, source, since, added_by)
select 1 + (g * 7) % 100000, 1 + g % 8, 'MANUAL', current_date - g % 700, 1 from generate_series(1, 150000) g
on conflict do nothing;
insert into survey (kind, company_id, contact_id, trigger_kind, token, language, created_by, created_at, sent_at,
                    answered_at, score)
select 'NPS', 1 + g % 100000, 1 + g % 100000, 'MANUAL', 't' || g, 'fr', 1, now() - (g % 700) * interval '1 day',
       now() - (g % 700) * interval '1 day', now() - (g % 700) * interval '1 day', g % 11
from generate_series(1, 200000) g;
insert into complaint (company_id, channel, category, severity, description, subject, owner_id, status, opened_at,
                       opened_by, first_response_due, resolution_due)
select 1 + (g * 13) % 100000, 'PHONE', 'PRODUCT', 'LOW', 'x', 'x', 1,
       (array['OPEN','IN_PROGRESS','RESOLVED','CLOSED'])[1 + g % 4], now(), 1, now(), now() + interval '2 days'
from generate_series(1, 20000) g;
insert into customer_order (number, company_id, ordered_on, currency, payment_terms, promised_on, total, status,
                            created_by, created_at, invoice_due_on)
select 'CMD-' || g, 1 + g % 100000, current_date - g % 700, 'EUR', 'NET_30', current_date, (g % 50) * 100,
       'PAID', 1, now(), current_date from generate_series(1, 300000) g;
insert into contact_important_date (contact_id, position, label, the_date)
select g, 0, 'Anniversaire', date '1970-01-01' + (g % 20000) from generate_series(1, 300000, 3) g;
refresh materialized view churn_risk;
vacuum analyze;

\timing on

-- status customer
select (select count(*) from company c where c.status = 'CUSTOMER') companies,
       (select count(*) from company c join contact k on k.company_id = c.id where c.status = 'CUSTOMER' and true) people;
-- sector (folded)
select (select count(*) from company c where relation_fold(c.sector) = relation_fold('Santé')) companies,
       (select count(*) from company c join contact k on k.company_id = c.id where relation_fold(c.sector) = relation_fold('Santé') and true) people;
-- size
select (select count(*) from company c where c.size = 'SMALL') companies,
       (select count(*) from company c join contact k on k.company_id = c.id where c.size = 'SMALL' and true) people;
-- city (folded)
select (select count(*) from company c where relation_fold(c.city) = relation_fold('Lyon')) companies,
       (select count(*) from company c join contact k on k.company_id = c.id where relation_fold(c.city) = relation_fold('Lyon') and true) people;
-- postal code prefix
select (select count(*) from company c where c.postal_code >= '69' and c.postal_code < '69' || chr(65535) || '') companies,
       (select count(*) from company c join contact k on k.company_id = c.id where c.postal_code >= '69' and c.postal_code < '69' || chr(65535) || '' and true) people;
-- owner
select (select count(*) from company c where c.owner_id = 7) companies,
       (select count(*) from company c join contact k on k.company_id = c.id where c.owner_id = 7 and true) people;
-- holds product line 1
select (select count(*) from company c where exists (select 1 from customer_product_line h where h.company_id = c.id and h.product_line_id = 1)) companies,
       (select count(*) from company c join contact k on k.company_id = c.id where exists (select 1 from customer_product_line h where h.company_id = c.id and h.product_line_id = 1) and true) people;
-- does not hold product line 1
select (select count(*) from company c where not exists (select 1 from customer_product_line h where h.company_id = c.id and h.product_line_id = 1)) companies,
       (select count(*) from company c join contact k on k.company_id = c.id where not exists (select 1 from customer_product_line h where h.company_id = c.id and h.product_line_id = 1) and true) people;
-- no exchange for 60 days
select (select count(*) from company c where not exists (select 1 from company_last_exchange x where x.company_id = c.id and x.last_at >= cast(current_date - 59 as date))) companies,
       (select count(*) from company c join contact k on k.company_id = c.id where not exists (select 1 from company_last_exchange x where x.company_id = c.id and x.last_at >= cast(current_date - 59 as date)) and true) people;
-- an exchange in the last 30 days
select (select count(*) from company c where exists (select 1 from company_last_exchange x where x.company_id = c.id and x.last_at >= cast(current_date - 29 as date))) companies,
       (select count(*) from company c join contact k on k.company_id = c.id where exists (select 1 from company_last_exchange x where x.company_id = c.id and x.last_at >= cast(current_date - 29 as date)) and true) people;
-- last NPS answer: detractor (kept companies computed once)
with kept as materialized (select c.id from company c where c.id in (select n.company_id from (select distinct on (s.company_id) s.company_id, s.score from survey s where s.kind = 'NPS' and s.answered_at is not null and s.company_id is not null order by s.company_id, s.answered_at desc) n where n.score between 0 and 6))
select (select count(*) from kept c where true) companies,
       (select count(*) from kept c join contact k on k.company_id = c.id where true) people;
-- an open complaint
select (select count(*) from company c where exists (select 1 from complaint k where k.company_id = c.id and k.status in ('OPEN', 'IN_PROGRESS'))) companies,
       (select count(*) from company c join contact k on k.company_id = c.id where exists (select 1 from complaint k where k.company_id = c.id and k.status in ('OPEN', 'IN_PROGRESS')) and true) people;
-- no open complaint
select (select count(*) from company c where not exists (select 1 from complaint k where k.company_id = c.id and k.status in ('OPEN', 'IN_PROGRESS'))) companies,
       (select count(*) from company c join contact k on k.company_id = c.id where not exists (select 1 from complaint k where k.company_id = c.id and k.status in ('OPEN', 'IN_PROGRESS')) and true) people;
-- churn risk high
select (select count(*) from company c where exists (select 1 from churn_risk r where r.company_id = c.id and r.score between 50 and 100)) companies,
       (select count(*) from company c join contact k on k.company_id = c.id where exists (select 1 from churn_risk r where r.company_id = c.id and r.score between 50 and 100) and true) people;
-- orders of at least 1 000 in 365 days (kept companies computed once)
with kept as materialized (select c.id from company c where c.id in (select o.company_id from customer_order o where o.status <> 'CANCELLED' and o.ordered_on >= current_date - 364 group by o.company_id having sum(o.total) >= 1000))
select (select count(*) from kept c where true) companies,
       (select count(*) from kept c join contact k on k.company_id = c.id where true) people;
-- completeness below 50 (kept companies computed once)
with kept as materialized (select c.id from company c left join company_main_contact mc on mc.company_id = c.id where (100 - case when mc.has_email is null then 20 else 0 end - case when not coalesce(mc.has_email, false) then 15 else 0 end - case when not coalesce(mc.has_phone, false) then 15 else 0 end - case when not coalesce(mc.has_channel, false) then 10 else 0 end - case when c.sector is null then 10 else 0 end - case when c.city is null then 10 else 0 end - case when c.created_at < now() - interval '90 days' and not exists (select 1 from company_last_exchange r where r.company_id = c.id and r.last_at >= now() - interval '90 days') then 10 else 0 end - case when c.legal_id is null then 5 else 0 end - case when c.website is null then 5 else 0 end) < 50)
select (select count(*) from kept c where true) companies,
       (select count(*) from kept c join contact k on k.company_id = c.id where true) people;
-- someone with phone consent
select (select count(*) from company c where true and exists (select 1 from contact k where k.company_id = c.id and k.consent_phone)) companies,
       (select count(*) from company c join contact k on k.company_id = c.id where true and k.consent_phone) people;
-- someone speaking English
select (select count(*) from company c where true and exists (select 1 from contact k where k.company_id = c.id and k.language = 'en')) companies,
       (select count(*) from company c join contact k on k.company_id = c.id where true and k.language = 'en') people;
-- an important date in the next 30 days
select (select count(*) from company c where true and exists (select 1 from contact k where k.company_id = c.id and exists (select 1 from contact_important_date d cross join lateral (select extract(year from current_date)::int - extract(year from d.the_date)::int years) y where d.contact_id = k.id and ((d.the_date + make_interval(years => y.years))::date between current_date and current_date + 30 or (d.the_date + make_interval(years => y.years + 1))::date between current_date and current_date + 30)))) companies,
       (select count(*) from company c join contact k on k.company_id = c.id where true and exists (select 1 from contact_important_date d cross join lateral (select extract(year from current_date)::int - extract(year from d.the_date)::int years) y where d.contact_id = k.id and ((d.the_date + make_interval(years => y.years))::date between current_date and current_date + 30 or (d.the_date + make_interval(years => y.years + 1))::date between current_date and current_date + 30))) people;
-- the issue's segment: customers without line 1, silent for 60 days, someone with phone consent (kept companies computed once)
with kept as materialized (select c.id from company c where c.status = 'CUSTOMER' and not exists (select 1 from customer_product_line h where h.company_id = c.id and h.product_line_id = 1) and not exists (select 1 from company_last_exchange x where x.company_id = c.id and x.last_at >= cast(current_date - 59 as date)))
select (select count(*) from kept c where exists (select 1 from contact k where k.company_id = c.id and k.consent_phone)) companies,
       (select count(*) from kept c join contact k on k.company_id = c.id where k.consent_phone) people;
