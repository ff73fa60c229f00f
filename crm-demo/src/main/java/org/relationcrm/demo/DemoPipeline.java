package org.relationcrm.demo;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;

/**
 * With the {@code demo} profile, after the clients are loaded: the product lines (when there are none), then a
 * realistic pipeline when there is no deal yet: {@code relation.demo.opportunities} (400) deals over two years with
 * their stage history and timeline events, concessions with and without counterparts, some waiting for approval,
 * and meetings prepared for today.
 */
@Component
@Profile("demo")
@Order(10)
class DemoPipeline implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPipeline.class);

    private final PipelineGenerator generator;
    private final UserService users;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int opportunities;
    private final long seed;

    DemoPipeline(PipelineGenerator generator, UserService users, JdbcClient jdbc, Clock clock,
                 @Value("${relation.demo.opportunities:400}") int opportunities,
                 @Value("${relation.demo.seed:42}") long seed) {
        this.generator = generator;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
        this.opportunities = opportunities;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select exists (select 1 from opportunity)").query(Boolean.class).single()
                || !jdbc.sql("select exists (select 1 from company)").query(Boolean.class).single()) {
            if (!jdbc.sql("select exists (select 1 from product_line)").query(Boolean.class).single()) {
                PipelineGenerator.LINES.forEach(l -> jdbc.sql("insert into product_line (code, name, description) values (?, ?, ?)")
                        .params(l.code(), l.name(), l.description()).update());
            }
            log.info("Demo pipeline: deals already there (or no client yet), nothing loaded");
            return;
        }
        List<User> all = users.all();
        long[] reps = all.stream().filter(u -> u.enabled() && u.role() == Role.SALES).mapToLong(User::id).toArray();
        long manager = all.stream().filter(u -> u.enabled() && u.role() == Role.MANAGER).mapToLong(User::id)
                .findFirst().orElse(reps.length == 0 ? 0 : reps[0]);
        if (reps.length == 0) {
            log.warn("Demo pipeline: no sales rep, no deal generated");
            return;
        }
        var report = generator.generate(opportunities, seed, new PipelineGenerator.Team(reps, manager),
                clock.instant(), clock.getZone(), true);
        int events = timelineEvents();
        int meetings = meetingsForToday();
        log.info("Demo pipeline loaded in {} ms: {} deals, {} stage changes, {} concessions, {} timeline events, {} meetings",
                report.millis(), report.opportunities(), report.stageChanges(), report.concessions(), events, meetings);
    }

    /** Every creation, stage change, win and loss on the client's timeline, as the application records them. */
    private int timelineEvents() {
        return jdbc.sql("""
                insert into interaction (kind, event_type, event_args, ref_id, company_id, occurred_at, author_id,
                                         author_department, summary, logged_at)
                select 'EVENT',
                       case when sc.from_stage is null then 'OPPORTUNITY_CREATED'
                            when sc.to_stage = 'WON' then 'OPPORTUNITY_WON'
                            when sc.to_stage = 'LOST' then 'OPPORTUNITY_LOST'
                            else 'STAGE_CHANGED' end,
                       case when sc.from_stage is null or sc.to_stage = 'WON'
                                then jsonb_build_object('title', o.title, 'amount', o.amount::text, 'currency', o.currency)
                            when sc.to_stage = 'LOST' then jsonb_build_object('title', o.title, 'reason', o.lost_reason)
                            else jsonb_build_object('title', o.title, 'from', sc.from_stage, 'to', sc.to_stage) end,
                       o.id, o.company_id, sc.changed_at, sc.changed_by, u.department,
                       case when sc.to_stage = 'LOST' then o.lost_comment end,
                       sc.changed_at
                from opportunity_stage_change sc
                join opportunity o on o.id = sc.opportunity_id
                join app_user u on u.id = sc.changed_by
                """).update();
    }

    /** Two meetings prepared for today per rep, on their open deals, so "My day" has something to show. */
    private int meetingsForToday() {
        return jdbc.sql("""
                insert into meeting_prep (company_id, opportunity_id, title, meeting_at, objectives, agenda, questions,
                                          objections, author_id, created_at)
                select o.company_id, o.id, 'Rendez-vous : ' || o.title,
                       date_trunc('day', now())
                           + make_interval(hours => 9 + 2 * o.rn::int),
                       'Valider le périmètre et le calendrier de décision',
                       E'1. Tour de table\\n2. Retour sur la proposition\\n3. Prochaines étapes',
                       E'Qui signe ? Quel budget est validé ?\\nQuels critères pour choisir ?',
                       E'Prix jugé élevé\\nCalendrier de déploiement',
                       o.owner_id, now()
                from (select o.*, row_number() over (partition by o.owner_id order by o.expected_close_on, o.id) rn
                      from opportunity o where o.stage in ('PROPOSAL', 'NEGOTIATION')) o
                where o.rn <= 2
                """).update();
    }
}
