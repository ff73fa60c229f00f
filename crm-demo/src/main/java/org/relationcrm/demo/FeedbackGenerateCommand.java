package org.relationcrm.demo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * With the {@code generate-feedback} profile, adds the feedback benchmark data to a base that already has clients
 * (the {@code generate} profile's), prints the time per step, and stops:
 * <pre>
 * java -jar relation.jar --spring.profiles.active=generate-feedback --spring.main.web-application-type=none \
 *      --relation.generate.complaints=20000 --relation.generate.answers=200000
 * </pre>
 */
@Component
@Profile("generate-feedback")
class FeedbackGenerateCommand implements ApplicationRunner {

    private final FeedbackDataGenerator generator;
    private final ApplicationContext context;
    private final int complaints;
    private final int answers;
    private final boolean exit;

    FeedbackGenerateCommand(FeedbackDataGenerator generator, ApplicationContext context,
                            @Value("${relation.generate.complaints:20000}") int complaints,
                            @Value("${relation.generate.answers:200000}") int answers,
                            @Value("${relation.generate.exit:true}") boolean exit) {
        this.generator = generator;
        this.context = context;
        this.complaints = complaints;
        this.answers = answers;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        System.out.printf("Generating feedback data: %d complaints, %d survey answers...%n", complaints, answers);
        var report = generator.generate(new FeedbackDataGenerator.Plan(complaints, answers, answers / 100, 0.42));
        report.forEach((step, ms) -> System.out.printf("  %-40s %8d ms%n", step, ms));
        System.out.flush();
        if (exit) {
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }
}
