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
 * With the {@code demo} profile, after {@link DemoDataLoader}: the product-line catalogue, then deals won, lines
 * held, complaints and survey answers when there is no complaint yet and demo companies exist.
 */
@Component
@Profile("demo")
@Order(10)
class DemoFeedback implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoFeedback.class);

    private final FeedbackDataGenerator generator;
    private final JdbcClient jdbc;

    DemoFeedback(FeedbackDataGenerator generator, JdbcClient jdbc) {
        this.generator = generator;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        int lines = generator.productLines();
        boolean empty = !jdbc.sql("select exists (select 1 from complaint)").query(Boolean.class).single();
        boolean companies = jdbc.sql("select exists (select 1 from company)").query(Boolean.class).single();
        if (!empty || !companies) {
            log.info("Demo feedback: {} product lines created; complaints and surveys already there or no company", lines);
            return;
        }
        var report = generator.generate(new FeedbackDataGenerator.Plan(60, 500, 20, 0.42));
        log.info("Demo feedback loaded: {}", report);
    }
}
