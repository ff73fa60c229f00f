-- Complaints (issue 12): a subject; the first response is the first answer given to the client, not the moment someone
-- took the case in hand; from escalation level 2 on, the owner is a manager (the only one who may resolve it).

-- 1. A subject, required from now on. For the complaints already there: the first line of the description, cut after
--    a whole word within 80 characters ("…" when cut), without a closing full stop; the category when nothing is left.
alter table complaint add column subject varchar(150);

with first_line as (
    select id, category,
           btrim(regexp_replace(split_part(regexp_replace(description, '^\s+', ''), E'\n', 1), '\s+', ' ', 'g')) line
    from complaint),
cut as (
    select id, category, length(line) > 80 cut,
           regexp_replace(case when length(line) <= 80 then line
                               else coalesce(substring(left(line, 81) from '^(.*\S)\s'), left(line, 79)) end,
                          '[\s.;:,]+$', '') words
    from first_line)
update complaint k
set subject = case when c.words = '' then
                       case c.category when 'PRODUCT' then 'Produit' when 'DELIVERY' then 'Livraison'
                                       when 'BILLING' then 'Facturation' when 'SERVICE' then 'Service'
                                       when 'RELATIONSHIP' then 'Relation' else 'Réclamation' end
                   when c.cut then c.words || '…'
                   else c.words end
from cut c
where c.id = k.id;

alter table complaint alter column subject set not null;
alter table complaint add constraint complaint_subject_not_blank check (btrim(subject) <> '');

-- The search box finds a complaint by a word of its subject too (as by its description, V30).
create index complaint_subject_trgm_idx on complaint using gin (relation_fold(subject) gin_trgm_ops);

-- 2. The first response. Taking a case in hand set it (and so did resolving one nobody had answered): neither told
--    the client anything. Kept only where an answer can be seen: the first exchange our side started with the client
--    after the complaint was opened and before it was resolved; otherwise the complaint was not answered.
update complaint k
set first_response_at = (
    select min(i.occurred_at) from interaction i
    where i.company_id = k.company_id and i.kind = 'EXCHANGE' and i.direction = 'OUTBOUND'
      and i.occurred_at > k.opened_at and i.occurred_at <= coalesce(k.resolved_at, 'infinity'))
where k.first_response_at is not null;

-- 3. Owners of complaints escalated to level 2 or more who could not resolve them (no manager): the manager who
--    escalated, else the first manager; left as they are when the company has no manager at all.
update complaint k
set owner_id = coalesce(
        (select e.id from app_user e where e.id = k.escalated_by and e.role = 'MANAGER' and e.enabled),
        (select m.id from app_user m where m.role = 'MANAGER' and m.enabled order by m.id limit 1))
where k.escalation_level >= 2
  and exists (select 1 from app_user o where o.id = k.owner_id and o.role <> 'MANAGER')
  and exists (select 1 from app_user m where m.role = 'MANAGER' and m.enabled);

-- 4. The timeline names a complaint by its number and subject: the events already written get the subject argument.
update interaction i
set event_args = i.event_args || jsonb_build_object('subject', k.subject)
from complaint k
where i.kind = 'EVENT' and i.event_type like 'COMPLAINT\_%' and i.ref_id = k.id and i.event_args is not null;
