package org.relationcrm.demo;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.relationcrm.client.CompanyStatus;
import org.relationcrm.segment.ConsentChannel;
import org.relationcrm.segment.Held;
import org.relationcrm.segment.NpsCategory;
import org.relationcrm.segment.SegmentCriteria;
import org.relationcrm.segment.SegmentService;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;

/**
 * With the {@code demo} profile, after the rest: three segments to start from. A rep's private one (their customers
 * silent for 60 days who accept calls), and two the manager shares (detractors with an open complaint; customers
 * without the first product line, the "without maintenance"). Only when there is no segment yet.
 */
@Component
@Profile("demo")
@Order(21)
class DemoSegments implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSegments.class);

    private final SegmentService segments;
    private final JdbcClient jdbc;

    DemoSegments(SegmentService segments, JdbcClient jdbc) {
        this.segments = segments;
        this.jdbc = jdbc;
    }

    private List<Actor> first(String role) {
        return jdbc.sql("select id, department from app_user where role = :role and enabled order by id limit 1")
                .param("role", role)
                .query((rs, n) -> new Actor(rs.getLong(1), Role.valueOf(role), Department.valueOf(rs.getString(2))))
                .list();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select exists (select 1 from segment)").query(Boolean.class).single()) {
            return;
        }
        List<Actor> reps = first("SALES");
        List<Actor> managers = first("MANAGER");
        List<Long> lines = jdbc.sql("select id from product_line where active order by id limit 1").query(Long.class)
                .list();
        if (reps.isEmpty() || managers.isEmpty() || lines.isEmpty()) {
            return;
        }
        Actor rep = reps.getFirst();
        Actor manager = managers.getFirst();
        segments.create("Mes clients silencieux, joignables par téléphone", false,
                new SegmentCriteria(CompanyStatus.CUSTOMER, null, null, null, null, rep.userId(), null, null, 60,
                        null, null, null, null, null, null, ConsentChannel.PHONE, null, null, null), rep);
        segments.create("Détracteurs avec une réclamation ouverte", true,
                new SegmentCriteria(null, null, null, null, null, null, null, null, null, null, NpsCategory.DETRACTOR,
                        true, null, null, null, null, null, null, null), manager);
        segments.create("Clients sans la première gamme", true,
                new SegmentCriteria(CompanyStatus.CUSTOMER, null, null, null, null, null, lines.getFirst(),
                        Held.NOT_HELD, null, null, null, null, null, null, null, null, null, null, null), manager);
        log.info("Demo segments: 3 (one private, two shared)");
    }
}
