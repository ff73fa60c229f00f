-- How docs/benchmarks.md's segment counts were measured (issue 14): on a scratch database migrated to V54,
-- psql -f this file. Synthetic rows at the benchmark's size, then the statements SegmentSql builds, timed.
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

-- A: the issue's segment (companies and people)
select (select count(*) from company c where c.status = 'CUSTOMER'
  and not exists (select 1 from customer_product_line h where h.company_id = c.id and h.product_line_id = 1)
  and not exists (select 1 from company_last_exchange x where x.company_id = c.id and x.last_at >= cast(current_date - 59 as date))
  and exists (select 1 from contact k where k.company_id = c.id and k.consent_phone)),
 (select count(*) from company c join contact k on k.company_id = c.id where c.status = 'CUSTOMER'
  and not exists (select 1 from customer_product_line h where h.company_id = c.id and h.product_line_id = 1)
  and not exists (select 1 from company_last_exchange x where x.company_id = c.id and x.last_at >= cast(current_date - 59 as date))
  and k.consent_phone);
-- B: last NPS detractor
select count(*) from company c where c.id in (select n.company_id from (select distinct on (s.company_id) s.company_id, s.score from survey s where s.kind = 'NPS' and s.answered_at is not null and s.company_id is not null order by s.company_id, s.answered_at desc) n where n.score between 0 and 6);
-- C: orders >= 1000 in 365 days
select count(*) from company c where c.id in (select o.company_id from customer_order o where o.status <> 'CANCELLED' and o.ordered_on >= current_date - 364 group by o.company_id having sum(o.total) >= 1000);
-- D: churn high
select count(*) from company c where exists (select 1 from churn_risk r where r.company_id = c.id and r.score between 50 and 100);

-- completeness below 50 (main contact lateral + weights)
select count(*) from company c left join lateral (
    select k.email is not null has_email, (k.phone is not null or k.mobile is not null) has_phone, k.preferred_channel is not null has_channel
    from contact k where k.company_id = c.id order by k.primary_contact desc, k.id limit 1) mc on true
where (100 - case when mc.has_email is null then 20 else 0 end - case when not coalesce(mc.has_email,false) then 15 else 0 end
 - case when not coalesce(mc.has_phone,false) then 15 else 0 end - case when not coalesce(mc.has_channel,false) then 10 else 0 end
 - case when c.sector is null then 10 else 0 end - case when c.city is null then 10 else 0 end
 - case when c.created_at < now() - interval '90 days' and not exists (select 1 from company_last_exchange r where r.company_id = c.id and r.last_at >= now() - interval '90 days') then 10 else 0 end
 - case when c.legal_id is null then 5 else 0 end - case when c.website is null then 5 else 0 end) < 50;
