package org.relationcrm.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.relationcrm.insight.InsightService;
import org.relationcrm.insight.Kpi;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;

/**
 * With the {@code demo} profile, after the clients and their history: the former customers get the day they left
 * (within the last year, so the churn rate moves month by month), an admin's acquisition costs for the last twelve
 * months, and one action of last month's KPI review. Only when no acquisition cost exists yet.
 */
@Component
@Profile("demo")
@Order(21)
class DemoInsight implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoInsight.class);

    private final InsightService insight;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoInsight(InsightService insight, JdbcClient jdbc, Clock clock) {
        this.insight = insight;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Person(long id, String role, String department) {
        Actor actor() {
            return new Actor(id, Role.valueOf(role), Department.valueOf(department));
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select exists (select 1 from insight_acquisition_cost)").query(Boolean.class).single()) {
            return;
        }
        List<Person> admins = people("ADMIN");
        List<Person> managers = people("MANAGER");
        if (admins.isEmpty() || managers.isEmpty()) {
            return;
        }
        // a former customer was a customer first, and left on a day of the last year (spread by its id)
        int left = jdbc.sql("""
                update company_status_change h set to_status = 'CUSTOMER'
                from company c where c.id = h.company_id and c.status = 'FORMER_CUSTOMER' and h.from_status is null""")
                .update();
        jdbc.sql("""
                insert into company_status_change (company_id, from_status, from_owner_id, to_status, owner_id, changed_at)
                select c.id, 'CUSTOMER', c.owner_id, 'FORMER_CUSTOMER', c.owner_id,
                       greatest(c.created_at, now() - make_interval(days => (c.id * 37 % 360)::int))
                from company c where c.status = 'FORMER_CUSTOMER'""").update();
        Actor admin = admins.getFirst().actor();
        YearMonth now = YearMonth.now(clock);
        for (int m = 0; m < 12; m++) {
            YearMonth month = now.minusMonths(m);
            insight.enterCost(month, Channel.EMAIL, null, BigDecimal.valueOf(800 + m * 25L), admin);
            insight.enterCost(month, null, "Salons et événements", BigDecimal.valueOf(m % 3 == 0 ? 4_500 : 1_200),
                    admin);
        }
        Actor manager = managers.getFirst().actor();
        insight.decide(now.minusMonths(1), Kpi.NPS, null, "Retards de livraison répétés chez trois clients du Nord",
                "Appeler chaque détracteur et revoir le planning du transporteur", manager.userId(),
                LocalDate.now(clock).plusDays(10), manager);
        log.info("Demo insight: {} former customers dated, 24 acquisition costs, 1 review action", left);
    }

    private List<Person> people(String role) {
        return jdbc.sql("select id, role, department from app_user where role = :role and enabled order by id limit 1")
                .param("role", role)
                .query((rs, n) -> new Person(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }
}
