package org.relationcrm.demo;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feedback data for the demo and for the benchmark: the product-line catalogue (stable codes), deals won, lines held,
 * complaints in every state, survey answers with their timeline events, then the churn-risk table. Generated inside
 * PostgreSQL (INSERT ... SELECT over generate_series and random()), so nothing streams through the JVM: 200 000
 * answers take seconds. Seeded, so two runs on the same base give the same data.
 */
@Component
class FeedbackDataGenerator {

    /** The catalogue: the pipeline seeds the same codes; whoever runs first creates them. */
    static final String[][] PRODUCT_LINES = {
            {"SOFTWARE", "Logiciel", "Licences et abonnements logiciels"},
            {"MAINTENANCE", "Maintenance", "Contrats de maintenance et mises à jour"},
            {"TRAINING", "Formation", "Formations utilisateurs et administrateurs"},
            {"HARDWARE", "Matériel", "Postes, serveurs et périphériques"},
            {"CONSULTING", "Conseil", "Missions de conseil et d'accompagnement"},
            {"PREMIUM_SUPPORT", "Support premium", "Support prioritaire 7j/7"},
            {"HOSTING", "Hébergement", "Hébergement et infogérance"},
            {"AUDIT", "Audit", "Audits de sécurité et de performance"}};

    private final JdbcClient jdbc;

    FeedbackDataGenerator(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sizes of what to generate. */
    record Plan(int complaints, int answers, int pendingSurveys, double seed) {
    }

    /** Creates the catalogue's lines that do not exist yet. */
    @Transactional
    public int productLines() {
        int created = 0;
        for (String[] line : PRODUCT_LINES) {
            created += jdbc.sql("""
                            insert into product_line (code, name, description) values (:code, :name, :description)
                            on conflict (code) do nothing
                            """)
                    .param("code", line[0]).param("name", line[1]).param("description", line[2]).update();
        }
        return created;
    }

    @Transactional
    public Map<String, Long> generate(Plan plan) {
        Map<String, Long> millis = new LinkedHashMap<>();
        long start = System.nanoTime();
        productLines();
        jdbc.sql("select setseed(:seed)::text").param("seed", plan.seed()).query(String.class).optional();
        step(millis, "won_deal", () -> jdbc.sql("""
                insert into won_deal (opportunity_id, company_id, contact_id, owner_id, amount, won_on)
                select coalesce((select max(opportunity_id) from won_deal), 900000000) + row_number() over (),
                       c.id, (select k.id from contact k where k.company_id = c.id
                              order by k.primary_contact desc, k.id limit 1),
                       c.owner_id, round((1500 + random() * 48500)::numeric, -2), current_date - (random() * 720)::int
                from company c cross join generate_series(1, 3) g
                where c.status = 'CUSTOMER' and random() < 0.35
                """).update());
        step(millis, "customer_product_line", () -> jdbc.sql("""
                insert into customer_product_line (company_id, product_line_id, source, since, added_by)
                select c.id, l.id, case when random() < 0.7 then 'WON' else 'MANUAL' end,
                       current_date - (random() * 900)::int, c.owner_id
                from company c cross join product_line l
                where c.status = 'CUSTOMER' and l.active and random() < 0.3
                on conflict do nothing
                """).update());
        step(millis, "complaint", () -> jdbc.sql("""
                with handlers as (
                    select array_agg(id order by id) ids,
                           (array_agg(id order by id) filter (where role = 'MANAGER'))[1] manager
                    from app_user
                    where enabled and role in ('SUPPORT', 'MANAGER')),
                picked as (
                    select c.id company_id, c.owner_id,
                           (select k.id from contact k where k.company_id = c.id order by k.id limit 1) contact_id,
                           h.ids[1 + floor(random() * array_length(h.ids, 1))::int] handler, h.manager,
                           (array['LOW','MEDIUM','MEDIUM','HIGH','HIGH','CRITICAL'])[1 + floor(random() * 6)::int] severity,
                           (array['PRODUCT','DELIVERY','BILLING','SERVICE','RELATIONSHIP','OTHER','PRODUCT','DELIVERY'])[1 + floor(random() * 8)::int] category,
                           (array['PHONE','EMAIL','EMAIL','CHAT','LETTER','MEETING'])[1 + floor(random() * 6)::int] channel,
                           now() - make_interval(mins => (random() * 60 * 24 * 90)::int) opened_at,
                           random() r_status, random() r_escalate, random() r_text, random() r_cause, random() r_time
                    from (select * from company where status = 'CUSTOMER' order by random() limit :n) c
                    cross join handlers h
                    where h.ids is not null),
                timed as (
                    select p.*,
                           case p.severity when 'CRITICAL' then 4 when 'HIGH' then 8 when 'MEDIUM' then 24 else 48 end response_hours,
                           case p.severity when 'CRITICAL' then 1 when 'HIGH' then 2 when 'MEDIUM' then 5 else 10 end resolution_days,
                           case when p.opened_at > now() - interval '12 days' then
                                    case when p.r_status < 0.4 then 'OPEN' when p.r_status < 0.85 then 'IN_PROGRESS' else 'RESOLVED' end
                                when p.r_status < 0.04 then 'IN_PROGRESS'
                                when p.r_status < 0.15 then 'RESOLVED' else 'CLOSED' end status
                    from picked p)
                insert into complaint (company_id, contact_id, channel, category, severity, subject, description, owner_id, status,
                                       opened_at, opened_by, first_response_due, resolution_due, first_response_at,
                                       escalation_level, escalation_reason, escalated_at, escalated_by, resolved_at,
                                       resolution, root_cause, root_cause_detail, resolution_minutes, closed_at)
                select t.company_id, t.contact_id, t.channel, t.category, t.severity,
                       (array['Livraison de lundi non arrivée', 'Facture en double', 'Plantage à chaque export',
                              'Technicien venu sans la pièce', 'Pas d''interlocuteur unique',
                              'Matériel différent du devis', 'Rappels promis non faits',
                              'Formation annulée la veille'])[1 + floor(t.r_text * 8)::int],
                       (array['La livraison annoncée pour lundi n''est toujours pas arrivée, nous avons dû arrêter une ligne.',
                              'Deuxième facture reçue pour la même commande, personne ne répond à nos emails.',
                              'Le logiciel plante à chaque export, nos équipes perdent une heure par jour.',
                              'Votre technicien est venu sans la pièce, nous attendons depuis une semaine.',
                              'On nous avait promis un interlocuteur unique, nous avons eu quatre personnes différentes.',
                              'Le matériel livré ne correspond pas au devis signé.',
                              'Le support ne rappelle jamais quand il le promet.',
                              'La formation a été annulée la veille sans explication.'])[1 + floor(t.r_text * 8)::int],
                       -- from level 2 on a manager owns the case (the only one who may resolve it)
                       case when t.r_escalate < 0.10 and t.manager is not null then t.manager else t.handler end,
                       t.status, t.opened_at, t.handler,
                       t.opened_at + make_interval(hours => t.response_hours),
                       t.opened_at + make_interval(days => t.resolution_days),
                       -- the first answer to the client (logged below as an exchange); some cases in progress wait for one
                       case when t.status <> 'OPEN' and not (t.status = 'IN_PROGRESS' and t.r_time < 0.2)
                            then t.opened_at + make_interval(mins => (t.r_time * t.response_hours * 75)::int + 5) end,
                       case when t.r_escalate < 0.10 then 2 when t.r_escalate < 0.22 then 1 else 0 end,
                       case when t.r_escalate < 0.10 then 'Le client menace de résilier : décision commerciale nécessaire'
                            when t.r_escalate < 0.22 then 'Deuxième relance du client sans solution technique, besoin d''arbitrage du chef d''équipe' end,
                       case when t.r_escalate < 0.22 then t.opened_at + interval '6 hours' end,
                       case when t.r_escalate < 0.22 then t.handler end,
                       case when t.status in ('RESOLVED', 'CLOSED') then t.opened_at + make_interval(mins => (t.r_time * t.resolution_days * 1440 * 1.3)::int + 30) end,
                       case when t.status in ('RESOLVED', 'CLOSED') then
                           (array['Relivraison express offerte et geste commercial de 5 %.',
                                  'Avoir émis et facture corrigée envoyée.',
                                  'Correctif installé, export vérifié avec le client.',
                                  'Intervention replanifiée sous 48 h avec la bonne pièce.',
                                  'Interlocuteur unique désigné, appel de cadrage fait.'])[1 + floor(t.r_cause * 5)::int] end,
                       case when t.status in ('RESOLVED', 'CLOSED') then
                           (array['DELAY','BILLING_ERROR','PRODUCT_DEFECT','PROCESS','COMMUNICATION','THIRD_PARTY','CUSTOMER_EXPECTATION'])[1 + floor(t.r_cause * 7)::int] end,
                       null,
                       case when t.status in ('RESOLVED', 'CLOSED') then (t.r_time * t.resolution_days * 1440 * 1.3)::bigint + 30 end,
                       case when t.status = 'CLOSED' then t.opened_at + make_interval(days => t.resolution_days + 2) end
                from timed t
                """).param("n", plan.complaints()).update());
        step(millis, "complaint events", () -> jdbc.sql("""
                insert into interaction (kind, event_type, event_args, ref_id, company_id, occurred_at, author_id,
                                         author_department, summary, logged_at)
                select 'EVENT', 'COMPLAINT_OPENED',
                       jsonb_build_object('number', k.id::text, 'category', k.category, 'severity', k.severity,
                                          'subject', k.subject),
                       k.id, k.company_id, k.opened_at, k.opened_by, u.department, k.description, k.opened_at
                from complaint k join app_user u on u.id = k.opened_by
                where not exists (select 1 from interaction i where i.event_type = 'COMPLAINT_OPENED' and i.ref_id = k.id
                                  and i.company_id = k.company_id)
                """).update());
        step(millis, "complaint answers", () -> jdbc.sql("""
                insert into interaction (kind, company_id, channel, direction, occurred_at, author_id, author_department,
                                         subject, summary, logged_at)
                select 'EXCHANGE', k.company_id, case when k.channel = 'MEETING' then 'PHONE' else k.channel end,
                       'OUTBOUND', k.first_response_at, k.opened_by, u.department, k.subject,
                       (array['Client rappelé : nous avons noté le problème et revenons vers lui sous 48 h.',
                              'Réponse envoyée : excuses, analyse en cours, un geste commercial est à l''étude.',
                              'Appel de prise de contact : le client est rassuré, nous le tenons informé chaque jour.'])[1 + (k.id % 3)::int],
                       k.first_response_at
                from complaint k join app_user u on u.id = k.opened_by
                where k.first_response_at is not null
                  and not exists (select 1 from interaction i where i.company_id = k.company_id and i.kind = 'EXCHANGE'
                                  and i.occurred_at = k.first_response_at and i.subject = k.subject)
                """).update());
        step(millis, "survey", () -> jdbc.sql("""
                insert into survey (kind, company_id, contact_id, trigger_kind, ref_id, token, language, created_by,
                                    created_at, sent_at, sent_by_email, expires_at, answered_at, score, comment, theme)
                select s.kind, s.company_id, s.contact_id, s.trigger_kind, null, s.token, s.language, s.owner_id,
                       s.sent_at, s.sent_at, s.email, s.sent_at + interval '30 days',
                       s.sent_at + make_interval(hours => 1 + (random() * 96)::int), s.score,
                       case when random() < 0.45 then
                           case when s.score_norm < 0.35 then (array['Trop de délais et pas assez de retours.',
                                                                     'Le produit est bien mais le support est injoignable.',
                                                                     'Facturation compliquée, erreurs répétées.'])[1 + floor(random() * 3)::int]
                                when s.score_norm < 0.75 then (array['Correct, sans plus.', 'Peut mieux faire sur la livraison.'])[1 + floor(random() * 2)::int]
                                else (array['Très bonne relation, merci à Sophie !', 'Réactifs et compétents.',
                                            'Produit fiable, je recommande.'])[1 + floor(random() * 3)::int] end end,
                       case when random() < 0.6 then (array['PRODUCT','PRICE','DELIVERY','SUPPORT','RELATIONSHIP','BILLING','OTHER'])[1 + floor(random() * 7)::int] end
                from (
                    select x.*, (x.score - case x.kind when 'NPS' then 0 else 1 end)::numeric
                                / case x.kind when 'NPS' then 10 when 'CSAT' then 4 else 6 end score_norm
                    from (
                        select k.id contact_id, k.company_id, c.owner_id, coalesce(k.language, 'fr') language,
                               k.consent_email email,
                               md5(random()::text || clock_timestamp()::text) || md5(k.id::text || random()::text) token,
                               now() - make_interval(mins => (random() * 60 * 24 * 700)::int) sent_at,
                               r.kind, r.trigger_kind,
                               case r.kind
                                   when 'NPS' then (array[0,2,3,4,5,6,6,7,7,8,8,8,9,9,9,9,10,10,10,10])[1 + floor(random() * 20)::int]
                                   when 'CSAT' then (array[1,2,3,3,4,4,4,5,5,5])[1 + floor(random() * 10)::int]
                                   else (array[2,3,4,5,5,6,6,7,7,7])[1 + floor(random() * 10)::int] end score
                        from (select * from contact where company_id is not null order by random() limit :n) k
                        join company c on c.id = k.company_id
                        cross join lateral (
                            select case when random() < 0.7 then 'NPS' when random() < 0.67 then 'CSAT' else 'CES' end kind,
                                   case when random() < 0.5 then 'OPPORTUNITY_WON' when random() < 0.5 then 'COMPLAINT_CLOSED' else 'MANUAL' end trigger_kind
                            where k.id is not null) r) x) s
                """).param("n", plan.answers()).update());
        step(millis, "survey pending", () -> jdbc.sql("""
                insert into survey (kind, company_id, contact_id, trigger_kind, token, language, created_by, created_at,
                                    sent_at, sent_by_email, expires_at)
                select 'NPS', k.company_id, k.id, 'MANUAL', md5(random()::text || k.id::text) || md5(clock_timestamp()::text),
                       coalesce(k.language, 'fr'), c.owner_id, now() - interval '2 days', now() - interval '2 days',
                       k.consent_email, now() + interval '28 days'
                from (select * from contact where company_id is not null order by random() limit :n) k
                join company c on c.id = k.company_id
                """).param("n", plan.pendingSurveys()).update());
        step(millis, "survey events", () -> jdbc.sql("""
                with answered as (
                    select s.*, c.owner_id company_owner, u.department owner_department,
                           concat_ws(' ', k.first_name, k.last_name) person
                    from survey s
                    join company c on c.id = s.company_id
                    join app_user u on u.id = c.owner_id
                    join contact k on k.id = s.contact_id
                    where s.answered_at is not null
                      and not exists (select 1 from interaction i where i.event_type = 'SURVEY_ANSWERED'
                                      and i.ref_id = s.id and i.company_id = s.company_id)),
                events as (
                    insert into interaction (kind, event_type, event_args, ref_id, company_id, occurred_at, author_id,
                                             author_department, summary, next_step_due,
                                             next_step_assignee_id, next_step_done_at, next_step_done_by, logged_at)
                    select 'EVENT', 'SURVEY_ANSWERED',
                           jsonb_build_object('survey', a.kind, 'score', a.score::text,
                                              'max', case a.kind when 'NPS' then '10' when 'CSAT' then '5' else '7' end,
                                              'person', a.person),
                           a.id, a.company_id, a.answered_at, a.company_owner, a.owner_department, a.comment,
                           case when (a.kind = 'NPS' and a.score <= 6) or (a.kind = 'CSAT' and a.score <= 2)
                                then a.answered_at::date + 2 end,
                           case when (a.kind = 'NPS' and a.score <= 6) or (a.kind = 'CSAT' and a.score <= 2)
                                then a.company_owner end,
                           case when ((a.kind = 'NPS' and a.score <= 6) or (a.kind = 'CSAT' and a.score <= 2))
                                     and a.answered_at < now() - interval '10 days' then a.answered_at + interval '2 days' end,
                           case when ((a.kind = 'NPS' and a.score <= 6) or (a.kind = 'CSAT' and a.score <= 2))
                                     and a.answered_at < now() - interval '10 days' then a.company_owner end,
                           a.answered_at
                    from answered a
                    returning id, ref_id, occurred_at)
                insert into interaction_contact (interaction_id, contact_id, occurred_at)
                select e.id, s.contact_id, e.occurred_at from events e join survey s on s.id = e.ref_id
                """).update());
        step(millis, "churn_risk refresh", () -> {
            jdbc.sql("refresh materialized view churn_risk").update();
            return 0;
        });
        millis.put("total", (System.nanoTime() - start) / 1_000_000);
        return millis;
    }

    static void step(Map<String, Long> millis, String name, java.util.function.IntSupplier work) {
        long start = System.nanoTime();
        int rows = work.getAsInt();
        millis.put(name + " (" + rows + " rows)", (System.nanoTime() - start) / 1_000_000);
    }
}
