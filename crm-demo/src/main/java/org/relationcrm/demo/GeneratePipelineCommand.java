package org.relationcrm.demo;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * With the {@code generate-pipeline} profile, adds {@code relation.generate.opportunities} (500 000) deals to a
 * database that already has its clients (the benchmark base), prints the time taken and stops:
 * <pre>
 * java -jar relation.jar --spring.profiles.active=generate-pipeline --spring.main.web-application-type=none
 * </pre>
 */
@Component
@Profile("generate-pipeline")
class GeneratePipelineCommand implements ApplicationRunner {

    private final PipelineGenerator generator;
    private final JdbcClient jdbc;
    private final ApplicationContext context;
    private final Clock clock;
    private final int opportunities;
    private final long seed;

    GeneratePipelineCommand(PipelineGenerator generator, JdbcClient jdbc, ApplicationContext context, Clock clock,
                            @Value("${relation.generate.opportunities:500000}") int opportunities,
                            @Value("${relation.generate.seed:42}") long seed) {
        this.generator = generator;
        this.jdbc = jdbc;
        this.context = context;
        this.clock = clock;
        this.opportunities = opportunities;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        long[] reps = jdbc.sql("select id from app_user where enabled and role = 'SALES' order by id")
                .query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
        long manager = jdbc.sql("select coalesce(min(id), 0) from app_user where role = 'MANAGER'").query(Long.class).single();
        System.out.printf("Generating %d opportunities for %d reps...%n", opportunities, reps.length);
        var report = generator.generate(opportunities, seed, new PipelineGenerator.Team(reps, manager),
                clock.instant(), clock.getZone(), false);
        System.out.printf("Pipeline: %d opportunities, %d stage changes, %d concessions in %d ms%n",
                report.opportunities(), report.stageChanges(), report.concessions(), report.millis());
        System.out.flush();
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
