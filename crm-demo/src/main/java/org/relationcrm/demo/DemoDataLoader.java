package org.relationcrm.demo;

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

import org.relationcrm.team.User;
import org.relationcrm.team.UserService;

/**
 * With the {@code demo} profile, gives an empty database something to show: the {@linkplain DemoUsers demo users}
 * when there is no user at all, then a few hundred clients with their people and history when there is no company.
 * A database that already has data is left alone, so restarting the demo keeps what people did in it.
 * Sizes: {@code relation.demo.companies} (400), {@code relation.demo.contacts} (1 200),
 * {@code relation.demo.interactions} (20 000), {@code relation.demo.seed} (42).
 */
@Component
@Profile("demo")
@Order(0)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final UserService users;
    private final DemoDataGenerator generator;
    private final JdbcClient jdbc;
    private final int companies;
    private final int contacts;
    private final int interactions;
    private final long seed;

    DemoDataLoader(UserService users, DemoDataGenerator generator, JdbcClient jdbc,
                   @Value("${relation.demo.companies:400}") int companies,
                   @Value("${relation.demo.contacts:1200}") int contacts,
                   @Value("${relation.demo.interactions:20000}") int interactions,
                   @Value("${relation.demo.seed:42}") long seed) {
        this.users = users;
        this.generator = generator;
        this.jdbc = jdbc;
        this.companies = companies;
        this.contacts = contacts;
        this.interactions = interactions;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        List<User> created = users.all().isEmpty() ? DemoUsers.create(users) : List.of();
        GenerationReport report = null;
        if (!jdbc.sql("select exists (select 1 from company)").query(Boolean.class).single()) {
            List<GenerationPlan.Staff> staff = DemoUsers.staffAmong(users.all());
            if (staff.isEmpty()) {
                log.warn("Demo data: no enabled user may log interactions, no client generated");
            } else {
                report = generator.generate(new GenerationPlan(companies, contacts, interactions, seed, staff));
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (created.isEmpty() && report == null) {
            log.info("Demo data: the database already has users and companies, nothing loaded ({} ms)", millis);
            return;
        }
        log.info("Demo data loaded in {} ms: {} demo users created{}, {} companies, {} people, {} interactions",
                millis, created.size(), created.isEmpty() ? "" : " (password '" + DemoUsers.PASSWORD + "')",
                report == null ? 0 : report.rows("company"), report == null ? 0 : report.rows("contact"),
                report == null ? 0 : report.rows("interaction"));
    }
}
