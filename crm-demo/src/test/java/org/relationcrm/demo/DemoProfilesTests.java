package org.relationcrm.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.relationcrm.DemoTestApplication;
import org.relationcrm.playbook.Situation;
import org.relationcrm.team.PasswordHasher;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestDatabase;

/**
 * The {@code demo} and {@code generate} profiles start the application on an empty database, so each test here
 * gets a new database of its own on the test server, migrated by Flyway at startup, and drops it afterwards.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoProfilesTests {

    final List<String> databases = new ArrayList<>();
    final List<String> roles = new ArrayList<>();

    @AfterEach
    void dropDatabases() throws SQLException {
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            for (String database : databases) {
                statement.execute("drop database if exists " + database + " with (force)");
            }
            for (String role : roles) {
                statement.execute("drop role if exists " + role);
            }
        }
    }

    @Test
    void demoProfileFillsAnEmptyDatabaseWithOneUserPerRoleAndAModestClientBase() {
        String url = newDatabase(null);
        long complaints;
        long answers;
        try (ConfigurableApplicationContext app = start(url, TestDatabase.get().username(), TestDatabase.get().password(),
                "demo", "relation.demo.companies=40", "relation.demo.contacts=120", "relation.demo.interactions=2000")) {
            List<User> users = app.getBean(UserService.class).all();
            assertThat(users).extracting(User::username).containsExactlyInAnyOrder("sales", "support", "adv", "manager",
                    "admin", "sales2", "sales3", "sales4", "support2");
            assertThat(users).filteredOn(u -> u.username().equals("manager")).singleElement()
                    .satisfies(u -> assertThat(u.fullName()).isEqualTo("Julien Moreau"));
            String demoHash = app.getBean(PasswordHasher.class).hash(DemoUsers.PASSWORD);
            assertThat(users).allSatisfy(u -> assertThat(u.passwordHash()).isEqualTo(demoHash));
            assertThat(DemoUsers.PASSWORD).hasSizeGreaterThanOrEqualTo(UserService.MIN_PASSWORD_LENGTH);

            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(count(jdbc, "company")).isEqualTo(40);
            assertThat(count(jdbc, "contact")).isEqualTo(120);
            assertThat(count(jdbc, "opportunity")).isEqualTo(400);
            // feedback demo data (DemoFeedback): the catalogue, complaints and survey answers with their events
            assertThat(count(jdbc, "product_line")).isEqualTo(8);
            complaints = count(jdbc, "complaint");
            assertThat(complaints).isPositive();
            // the exchanges asked for, and each complaint's first answer to the client, logged when it was given
            answers = jdbc.sql("select count(*) from complaint where first_response_at is not null")
                    .query(Long.class).single();
            assertThat(answers).isPositive();
            assertThat(exchanges(jdbc)).isEqualTo(2000 + answers);
            assertThat(jdbc.sql("""
                            select count(*) from complaint k
                            where escalation_level >= 2
                              and not exists (select 1 from app_user u where u.id = k.owner_id and u.role = 'MANAGER')""")
                    .query(Long.class).single()).as("from level 2 on, a manager owns the complaint").isZero();
            assertThat(count(jdbc, "survey")).isPositive();
            // orders (DemoOrders): about one per five exchanges, with lines, and their events on the timeline
            assertThat(count(jdbc, "customer_order")).isBetween(200L, 700L);
            assertThat(count(jdbc, "order_line")).isGreaterThan(count(jdbc, "customer_order"));
            assertThat(jdbc.sql("select count(*) from interaction where event_type = 'ORDER_PLACED'")
                    .query(Long.class).single()).isEqualTo(count(jdbc, "customer_order"));
            assertThat(jdbc.sql("""
                            select count(*) from customer_order o
                            where o.total <> (select sum(round(l.quantity * l.unit_price * (100 - l.discount_percent) / 100, 2))
                                              from order_line l where l.order_id = o.id)""")
                    .query(Long.class).single()).as("each order's total is the sum of its lines").isZero();
            assertThat(jdbc.sql("select count(distinct status) from customer_order").query(Long.class).single())
                    .isGreaterThanOrEqualTo(5);
            // requests between departments in every state (DemoRequests), their steps on the clients' timelines
            assertThat(jdbc.sql("select count(distinct status) from request").query(Long.class).single()).isEqualTo(5);
            assertThat(count(jdbc, "request")).isEqualTo(6);
            assertThat(jdbc.sql("select count(*) from interaction where event_type like 'REQUEST\\_%'")
                    .query(Long.class).single()).isEqualTo(10);
            // the first guides (DemoPlaybooks): one per situation, in French and English, by the demo manager
            assertThat(count(jdbc, "playbook")).isEqualTo(Situation.values().length);
            assertThat(count(jdbc, "playbook_text")).isEqualTo(2L * Situation.values().length);
            assertThat(jdbc.sql("select count(*) from playbook_text where cardinality(criteria) > 0")
                    .query(Long.class).single()).as("the escalation's criteria, in both languages").isEqualTo(2);
            long adminId = users.stream().filter(u -> u.username().equals("admin")).findFirst().orElseThrow().id();
            assertThat(jdbc.sql("select count(*) from interaction where author_id = ?").param(adminId)
                    .query(Long.class).single()).as("admins do not log interactions").isZero();
            // coaching demo data (DemoCoaching): a manager's reviews of reps' exchanges, some answered
            assertThat(count(jdbc, "coaching_review")).isEqualTo(4);
            assertThat(jdbc.sql("select count(*) from coaching_review where answer is not null").query(Long.class)
                    .single()).isEqualTo(2);
            assertThat(count(jdbc, "coaching_score")).isEqualTo(4 * 5);
            // segments (DemoSegments): a rep's private one, two the manager shares
            assertThat(count(jdbc, "segment")).isEqualTo(3);
            assertThat(jdbc.sql("select count(*) from segment where shared").query(Long.class).single()).isEqualTo(2);
        }
        try (ConfigurableApplicationContext again = start(url, TestDatabase.get().username(),
                TestDatabase.get().password(), "demo")) {
            JdbcClient jdbc = again.getBean(JdbcClient.class);
            assertThat(count(jdbc, "app_user")).as("restarting the demo adds nothing").isEqualTo(9);
            assertThat(count(jdbc, "company")).isEqualTo(40);
            assertThat(exchanges(jdbc)).isEqualTo(2000 + answers);
            assertThat(count(jdbc, "complaint")).as("restarting the demo adds no complaint").isEqualTo(complaints);
            assertThat(count(jdbc, "opportunity")).as("restarting the demo adds no deal").isEqualTo(400);
            assertThat(count(jdbc, "request")).as("restarting the demo adds no request").isEqualTo(6);
            assertThat(count(jdbc, "coaching_review")).as("restarting the demo adds no review").isEqualTo(4);
            assertThat(count(jdbc, "segment")).as("restarting the demo adds no segment").isEqualTo(3);
        }
    }

    @Test
    void generateCommandAddsThePlannedRowsAndPrintsItsTimings(CapturedOutput output) {
        String url = newDatabase(null);
        try (ConfigurableApplicationContext app = start(url, TestDatabase.get().username(), TestDatabase.get().password(),
                "generate", "relation.generate.exit=false", "relation.generate.companies=30",
                "relation.generate.contacts=90", "relation.generate.interactions=1500",
                "relation.generate.seed=3")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(count(jdbc, "app_user")).isEqualTo(DemoUsers.ALL.size());
            assertThat(count(jdbc, "company")).isEqualTo(30);
            assertThat(count(jdbc, "contact")).isEqualTo(90);
            assertThat(count(jdbc, "interaction")).isEqualTo(1500);
            assertThat(count(jdbc, "customer_order")).as("about one order per five exchanges").isBetween(150L, 450L);
        }
        assertThat(output.getOut()).contains("orders customer_order").contains("rows/s").containsPattern("interaction\\s+1500\\s")
                .containsPattern("company\\s+30\\s").contains("total");
    }

    @Test
    void aDatabaseOwnerWhoIsNotSuperuserGeneratesWithForeignKeysCheckedAndIndexesRebuilt() {
        String role = "relation_gen_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            statement.execute("create role " + role + " login password 'generator-password'");
            roles.add(role);
        } catch (SQLException e) {
            assumeTrue(false, "the test database user cannot create roles: " + e.getMessage());
        }
        String url = newDatabase(role);
        try (ConfigurableApplicationContext app = start(url, role, "generator-password", "generate",
                "relation.generate.exit=false", "relation.generate.companies=200", "relation.generate.contacts=600",
                "relation.generate.interactions=60000")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class)
                    .single()).isFalse();
            assertThat(count(jdbc, "interaction")).isEqualTo(60_000);
            assertThat(jdbc.sql("""
                            select indexname from pg_indexes where tablename in ('interaction', 'interaction_contact')""")
                    .query(String.class).list())
                    .contains("interaction_company_timeline_idx", "interaction_company_channel_idx",
                            "interaction_company_department_idx", "interaction_open_next_step_idx",
                            "interaction_contact_timeline_idx");
            assertThat(jdbc.sql("""
                            select count(*) from pg_index where not indisvalid
                            and indrelid in ('interaction'::regclass, 'interaction_contact'::regclass)""")
                    .query(Long.class).single()).isZero();
        }
    }

    private ConfigurableApplicationContext start(String url, String user, String password, String profile,
                                                 String... properties) {
        List<String> all = new ArrayList<>(List.of("spring.datasource.url=" + url, "spring.datasource.username=" + user,
                "spring.datasource.password=" + password));
        all.addAll(List.of(properties));
        return new SpringApplicationBuilder(DemoTestApplication.class)
                .web(WebApplicationType.NONE)
                .profiles(profile)
                .properties(all.toArray(String[]::new))
                .run();
    }

    /** A new empty database on the test server, owned by {@code owner} when given; returns its JDBC URL. */
    private String newDatabase(String owner) {
        String name = "relation_demo_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            statement.execute("create database " + name + (owner == null ? "" : " owner " + owner));
            databases.add(name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        String server = TestDatabase.get().url();
        int query = server.indexOf('?');
        String base = query < 0 ? server : server.substring(0, query);
        // The server URL may carry user and password parameters, which would win over the owner's credentials.
        String params = query < 0 ? "" : String.join("&", java.util.Arrays.stream(server.substring(query + 1).split("&"))
                .filter(p -> !p.startsWith("user=") && !p.startsWith("password=")).toList());
        return base.substring(0, base.lastIndexOf('/') + 1) + name + (params.isEmpty() ? "" : "?" + params);
    }

    private static Connection admin() throws SQLException {
        TestDatabase.Connection test = TestDatabase.get();
        return DriverManager.getConnection(test.url(), test.username(), test.password());
    }

    /** Conversations only: other features add events to the timeline (feedback's demo data does). */
    private static long exchanges(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from interaction where kind = 'EXCHANGE'").query(Long.class).single();
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
