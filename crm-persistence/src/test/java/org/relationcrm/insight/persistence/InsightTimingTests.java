package org.relationcrm.insight.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.relationcrm.insight.InsightService;
import org.relationcrm.insight.Kpi;
import org.relationcrm.insight.KpiFilter;
import org.relationcrm.insight.Period;
import org.relationcrm.insight.PeriodKind;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * A timing check without the benchmark's generator: 5 000 companies, 40 000 exchanges over two years, 10 000
 * survey answers and 4 000 complaints written in SQL, then the team's dashboard of a year (24 months of rollups)
 * and the rows behind the NPS are read, and their plans checked: the drill-down reads one period's range of an
 * index, the dashboard adds up rollup rows instead of the exchanges. Prints the median time of 5 reads.
 */
@SpringBootTest
class InsightTimingTests {

    /** The app's clock (relation.time-zone): "today" is the app's day, whatever the JVM's zone. */
    @Autowired
    java.time.Clock clock;

    @Autowired JdbcClient jdbc;
    @Autowired UserService users;
    @Autowired InsightService insight;

    @Test
    void theYearsDashboardReadsRollupsAndTheDetractorsAnIndexRange() {
        long rep = TestData.user(users, Role.SALES, Department.SALES).id();
        Actor manager = TestData.user(users, Role.MANAGER, Department.MANAGEMENT).asActor();
        jdbc.sql("""
                insert into company (name, status, owner_id, created_at)
                select 'Timing ' || n, case when n % 4 = 0 then 'PROSPECT' else 'CUSTOMER' end, :rep,
                       now() - interval '3 years' from generate_series(1, 5000) n""").param("rep", rep).update();
        jdbc.sql("""
                insert into interaction (company_id, channel, direction, occurred_at, author_id, author_department,
                                         subject, logged_at)
                select c.id, (array['PHONE','EMAIL','MEETING','VISIT'])[1 + n % 4], 'OUTBOUND',
                       now() - make_interval(mins => n * 25), :rep, 'SALES', 'Appel', now()
                from generate_series(1, 40000) n
                join (select id, row_number() over (order by id) - 1 k from company where owner_id = :rep) c
                  on c.k = n % 5000""").param("rep", rep).update();
        long contact = jdbc.sql("""
                insert into contact (company_id, civility, last_name, created_at)
                values ((select min(id) from company where owner_id = :rep), 'MR', 'Martin', now()) returning id""")
                .param("rep", rep).query(Long.class).single();
        jdbc.sql("""
                insert into survey (kind, company_id, contact_id, trigger_kind, token, language, created_by, created_at,
                                    sent_at, answered_at, score)
                select 'NPS', (select min(id) from company where owner_id = :rep), :contact, 'MANUAL', 'tm-' || n, 'fr',
                       :rep, now(), now() - make_interval(hours => n), now() - make_interval(hours => n), n % 11
                from generate_series(1, 10000) n""").param("rep", rep).param("contact", contact).update();
        jdbc.sql("""
                insert into complaint (company_id, channel, category, severity, subject, description, owner_id, status,
                                       opened_at, opened_by, first_response_due, resolution_due, first_response_at,
                                       resolved_at, resolution, root_cause)
                select (select min(id) from company where owner_id = :rep) + n % 100, 'PHONE', 'SERVICE',
                       (array['LOW','MEDIUM','HIGH','CRITICAL'])[1 + n % 4], 'Retard', 'Retard', :rep, 'RESOLVED',
                       now() - make_interval(hours => n * 4), :rep, now(), now(),
                       now() - make_interval(hours => n * 4 - 1), now() - make_interval(hours => n * 4 - 2 - n % 30),
                       'Fait', 'PROCESS'
                from generate_series(1, 4000) n""").param("rep", rep).update();
        jdbc.sql("analyze").update();

        KpiFilter year = new KpiFilter(Period.of(PeriodKind.YEAR, YearMonth.now(clock)), null, null, null);
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            var dash = insight.dashboard(year, manager);
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertThat(dash.figure(Kpi.NPS).value()).isNotNull();
        }
        long rowsStart = System.nanoTime();
        assertThat(insight.rows(Kpi.Drill.DETRACTORS, year, manager)).hasSize(InsightService.DRILL_LIMIT);
        long rowsMillis = (System.nanoTime() - rowsStart) / 1_000_000;
        Collections.sort(millis);
        System.out.printf("Insight timing: year dashboard median %d ms (runs %s), detractors %d ms%n", millis.get(2),
                millis, rowsMillis);
        assertThat(millis.get(2)).as("the year's dashboard, median of 5 (ms)").isLessThan(1_000);

        String rowsPlan = plan("""
                select s.id from survey s join company c on c.id = s.company_id
                where s.answered_at >= now() - interval '30 days' and s.answered_at < now() and s.kind = 'NPS' and s.score <= 6
                order by s.answered_at desc, s.id desc limit 100""");
        assertThat(rowsPlan).contains("survey_answered_period_idx");
        String rollupPlan = plan("""
                select month, sum(interactions) from insight_interaction_rollup
                where month >= date '2025-01-01' and month < date '2027-01-01' and customer group by month""");
        assertThat(rollupPlan).doesNotContain("on interaction ");
        String complaintPlan = plan("""
                select count(*) from complaint k where k.resolved_at >= now() - interval '30 days' and k.resolved_at < now()""");
        assertThat(complaintPlan).contains("complaint_resolved_period_idx");
    }

    private String plan(String sql) {
        return String.join("\n", jdbc.sql("explain " + sql).query(String.class).list());
    }
}
