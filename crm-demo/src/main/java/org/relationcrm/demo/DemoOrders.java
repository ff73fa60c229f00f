package org.relationcrm.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * With the {@code demo} profile, after {@link DemoFeedback}: orders for the demo clients (about one per five
 * exchanges, each with its events on the timeline), when there is no order yet and demo companies exist.
 */
@Component
@Profile("demo")
@Order(20)
class DemoOrders implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOrders.class);

    private final OrderDataGenerator generator;
    private final JdbcClient jdbc;

    DemoOrders(OrderDataGenerator generator, JdbcClient jdbc) {
        this.generator = generator;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean empty = !jdbc.sql("select exists (select 1 from customer_order)").query(Boolean.class).single();
        boolean companies = jdbc.sql("select exists (select 1 from company)").query(Boolean.class).single();
        if (!empty || !companies) {
            log.info("Demo orders: orders already there or no company");
            return;
        }
        var report = generator.generate(new OrderDataGenerator.Plan(5, 0.42, true));
        jdbc.sql("refresh materialized view churn_risk").update();
        log.info("Demo orders loaded: {}", report);
    }
}
