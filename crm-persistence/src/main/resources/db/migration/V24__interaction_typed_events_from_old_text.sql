-- The events recorded before V23 kept French sentences and codes in subject, summary and next_step. Their arguments
-- are parsed back here; what a user typed stays as the summary; the sentences go. An event whose text cannot be
-- parsed (none is expected) keeps its subject, which the page then shows as it was.

-- Deals: "title — 55300.00 EUR" (created), title + "PROSPECTING → QUALIFIED · next step" (stage), title + "55300.00 EUR"
-- (won), title + "COMPETITOR — comment" (lost).
update interaction i set event_args = jsonb_build_object('title', m[1], 'amount', m[2], 'currency', m[3]),
                         subject = null
from (select id, regexp_match(subject, '^(.*) — (-?[0-9]+(?:\.[0-9]+)?) ([A-Z]{3})$') m
      from interaction where kind = 'EVENT' and event_type = 'OPPORTUNITY_CREATED') p
where i.id = p.id and p.m is not null;

update interaction i set event_args = jsonb_build_object('title', i.subject, 'from', m[1], 'to', m[2]),
                         subject = null, summary = nullif(nullif(m[3], ''), 'null')
from (select id, regexp_match(summary, '^([A-Z_]+) → ([A-Z_]+)(?: · (.*))?$', 's') m
      from interaction where kind = 'EVENT' and event_type = 'STAGE_CHANGED') p
where i.id = p.id and p.m is not null;

update interaction i set event_args = jsonb_build_object('title', i.subject, 'amount', m[1], 'currency', m[2]),
                         subject = null, summary = null
from (select id, regexp_match(summary, '^(-?[0-9]+(?:\.[0-9]+)?) ([A-Z]{3})$') m
      from interaction where kind = 'EVENT' and event_type = 'OPPORTUNITY_WON') p
where i.id = p.id and p.m is not null;

update interaction i set event_args = jsonb_build_object('title', i.subject, 'reason', m[1]),
                         subject = null, summary = nullif(nullif(m[2], ''), 'null')
from (select id, regexp_match(summary, '^([A-Z_]+)(?: — (.*))?$', 's') m
      from interaction where kind = 'EVENT' and event_type = 'OPPORTUNITY_LOST') p
where i.id = p.id and p.m is not null;

-- Care plan: "Suivi après signature : point à J+90", next step "Point de suivi J+90 après la signature".
update interaction i set event_args = jsonb_build_object('day', m[1]), subject = null, next_step = null
from (select id, regexp_match(subject, 'J\+([0-9]+)') m
      from interaction where kind = 'EVENT' and event_type = 'CARE_CHECK_IN') p
where i.id = p.id and p.m is not null;

-- Complaints: the number is the complaint's id, category and severity are the complaint's (set when it is opened),
-- the level is in "Escalade niveau 2 #12". The summary (description, reason, resolution) is the user's text.
update interaction i set event_args = jsonb_build_object('number', k.id::text, 'category', k.category,
                                                         'severity', k.severity),
                         subject = null
from complaint k
where i.kind = 'EVENT' and i.event_type = 'COMPLAINT_OPENED' and i.ref_id = k.id;

update interaction i set event_args = jsonb_build_object('number', i.ref_id::text), subject = null
where i.kind = 'EVENT' and i.ref_id is not null
  and i.event_type in ('COMPLAINT_IN_PROGRESS', 'COMPLAINT_RESOLVED', 'COMPLAINT_CLOSED', 'COMPLAINT_REOPENED');

update interaction i set event_args = jsonb_build_object('number', i.ref_id::text, 'level', m[1]), subject = null
from (select id, regexp_match(subject, 'niveau ([0-9]+)') m
      from interaction where kind = 'EVENT' and event_type = 'COMPLAINT_ESCALATED') p
where i.id = p.id and p.m is not null and i.ref_id is not null;

-- Surveys: "Enquête NPS envoyée à Anne Martin par email" / "… (lien à transmettre)"; "NPS : 3/10 — Anne Martin"
-- with the person's comment as summary and "Rappeler Anne Martin : réponse NPS 3/10" as next step.
update interaction i set event_args = jsonb_build_object('survey', m[1],
                                                         'sentBy', case when i.subject like '% par email' then 'EMAIL' else 'LINK' end),
                         subject = null
from (select id, regexp_match(subject, '^Enquête ([A-Z]+) ') m
      from interaction where kind = 'EVENT' and event_type = 'SURVEY_SENT') p
where i.id = p.id and p.m is not null;

update interaction i set event_args = jsonb_build_object('survey', m[1], 'score', m[2], 'max', m[3], 'person', m[4]),
                         subject = null, next_step = null
from (select id, regexp_match(subject, '^([A-Z]+) : ([0-9]+)/([0-9]+) — (.+)$', 's') m
      from interaction where kind = 'EVENT' and event_type = 'SURVEY_ANSWERED') p
where i.id = p.id and p.m is not null;

-- Product lines: "Gamme détenue : Maintenance" / "Gamme retirée : Maintenance" (the line's name, as it was).
update interaction i set event_args = jsonb_build_object('line', m[1]), subject = null
from (select id, regexp_match(subject, '^[^:]+ : (.+)$', 's') m
      from interaction where kind = 'EVENT' and event_type in ('PRODUCT_LINE_HELD', 'PRODUCT_LINE_RELEASED')) p
where i.id = p.id and p.m is not null;

-- A note's text is what its author wrote.
update interaction set event_args = '{}'::jsonb, summary = coalesce(subject || coalesce(E'\n' || summary, ''), summary),
                       subject = null
where kind = 'EVENT' and event_type = 'NOTE';

-- What an event is about is said by its type (TimelineEventType.link()); ref_id stays.
alter table interaction drop column ref_type;
