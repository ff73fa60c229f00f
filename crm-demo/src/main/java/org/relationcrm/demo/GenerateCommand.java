package org.relationcrm.demo;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import org.relationcrm.team.User;
import org.relationcrm.team.UserService;

/**
 * With the {@code generate} profile, fills the database with the benchmark dataset, prints the time taken per
 * table, and stops the application:
 * <pre>
 * java -jar relation.jar --spring.profiles.active=generate --spring.main.web-application-type=none \
 *      --relation.generate.companies=100000 --relation.generate.contacts=300000 \
 *      --relation.generate.interactions=5000000 --relation.generate.seed=42
 * </pre>
 * The {@linkplain DemoUsers demo users} are created first if there is no user at all. Rows are added to what is
 * already there. Then orders: about one per {@code relation.generate.interactions-per-order} exchanges (5; 0 for
 * none). {@code relation.generate.exit=false} keeps the application running afterwards (for tests).
 */
@Component
@Profile("generate")
class GenerateCommand implements ApplicationRunner {

    private final UserService users;
    private final DemoDataGenerator generator;
    private final OrderDataGenerator orders;
    private final ApplicationContext context;
    private final int companies;
    private final int contacts;
    private final int interactions;
    private final long seed;
    private final int interactionsPerOrder;
    private final boolean exit;

    GenerateCommand(UserService users, DemoDataGenerator generator, OrderDataGenerator orders,
                    ApplicationContext context,
                    @Value("${relation.generate.companies:100000}") int companies,
                    @Value("${relation.generate.contacts:300000}") int contacts,
                    @Value("${relation.generate.interactions:5000000}") int interactions,
                    @Value("${relation.generate.seed:42}") long seed,
                    @Value("${relation.generate.interactions-per-order:5}") int interactionsPerOrder,
                    @Value("${relation.generate.exit:true}") boolean exit) {
        this.users = users;
        this.generator = generator;
        this.orders = orders;
        this.context = context;
        this.companies = companies;
        this.contacts = contacts;
        this.interactions = interactions;
        this.seed = seed;
        this.interactionsPerOrder = interactionsPerOrder;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<User> created = users.all().isEmpty() ? DemoUsers.create(users) : List.of();
        if (!created.isEmpty()) {
            System.out.printf("Created %d demo users (password '%s')%n", created.size(), DemoUsers.PASSWORD);
        }
        List<GenerationPlan.Staff> staff = DemoUsers.staffAmong(users.all());
        System.out.printf("Generating %d companies, %d people and %d interactions (seed %d) shared between %d users...%n",
                companies, contacts, interactions, seed, staff.size());
        GenerationReport report = generator.generate(new GenerationPlan(companies, contacts, interactions, seed, staff));
        System.out.println(report.format());
        if (interactionsPerOrder > 0) { // about one order per so many exchanges, with lines and statuses
            orders.generate(new OrderDataGenerator.Plan(interactionsPerOrder, (seed % 1000) / 1000.0, false))
                    .forEach((step, ms) -> System.out.printf("orders %-48s %8d ms%n", step, ms));
        }
        System.out.flush();
        if (exit) {
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }
}
