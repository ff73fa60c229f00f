package org.relationcrm.feedback.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import org.relationcrm.testing.TestDatabase;

/**
 * V34 on complaints written before it: each gets a subject from its description (or its category), keeps a first
 * response only where an answer to the client can be seen on the timeline, is owned by a manager when escalated to
 * level 2 or more, and its timeline events name it by subject. Run on a database of its own, migrated to V32, filled
 * the old way, then migrated to the end.
 */
class ComplaintIssue12MigrationTests {

    /** A fixed moment the rows are dated from. */
    private static final String T = "timestamptz '2026-01-20 09:00+00'";

    @Test
    void oldComplaintsGetASubjectAnHonestFirstResponseAndAnOwnerWhoMayResolveThem() {
        TestDatabase.Connection db = TestDatabase.another();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url(), db.username(), db.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("32").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("""
                insert into app_user (id, username, password_hash, full_name, role, department) values
                    (1, 'karim', 'x', 'Karim Benali', 'SUPPORT', 'SUPPORT'),
                    (2, 'julien', 'x', 'Julien Moreau', 'MANAGER', 'MANAGEMENT'),
                    (3, 'amelie', 'x', 'Amélie Rousseau', 'MANAGER', 'MANAGEMENT')""").update();
        jdbc.sql("""
                insert into company (id, name, status, owner_id, created_at)
                values (1, 'Acme', 'CUSTOMER', 1, now()), (2, 'Globex', 'CUSTOMER', 1, now())""").update();

        String longText = "La livraison annoncée pour lundi n'est toujours pas arrivée, nous avons dû arrêter une ligne"
                + " de production pendant deux jours.";
        long taken = complaint(jdbc, 2, "DELIVERY", "Palettes livrées abîmées.\nDétail : trois palettes sur dix.",
                T + " - interval '10 days'", T + " - interval '10 days' + interval '5 minutes'", 0, null, 1);
        long answered = complaint(jdbc, 1, "BILLING", longText, T + " - interval '8 days'",
                T + " - interval '8 days' + interval '1 minute'", 0, null, 1);
        long blank = complaint(jdbc, 1, "SERVICE", " \n ...", T + " - interval '3 days'", null, 0, null, 1);
        long escalatedBySupport = complaint(jdbc, 1, "PRODUCT", "Export en panne", T + " - interval '2 days'",
                null, 2, 1L, 1);
        long escalatedByManager = complaint(jdbc, 1, "PRODUCT", "Écran noir", T + " - interval '2 days'",
                null, 3, 3L, 1);
        long levelOne = complaint(jdbc, 1, "OTHER", "Pas de rappel", T + " - interval '2 days'", null, 1, 1L, 1);

        // what the client heard after 'answered' was opened: our call two hours later (inbound calls are no answer)
        exchange(jdbc, "INBOUND", T + " - interval '8 days' + interval '30 minutes'");
        exchange(jdbc, "OUTBOUND", T + " - interval '8 days' + interval '2 hours'");
        exchange(jdbc, "OUTBOUND", T + " - interval '12 days'"); // before both complaints
        long openedEvent = jdbc.sql("""
                        insert into interaction (kind, event_type, event_args, ref_id, company_id, occurred_at, logged_at,
                                                 author_id, author_department)
                        values ('EVENT', 'COMPLAINT_OPENED',
                                jsonb_build_object('number', :id::text, 'category', 'DELIVERY', 'severity', 'HIGH'),
                                :id, 2, now(), now(), 1, 'SUPPORT') returning id""")
                .param("id", taken).query(Long.class).single();

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        assertThat(subject(jdbc, taken)).isEqualTo("Palettes livrées abîmées");
        assertThat(subject(jdbc, answered)).isEqualTo(
                "La livraison annoncée pour lundi n'est toujours pas arrivée, nous avons dû…")
                .hasSizeLessThanOrEqualTo(81);
        assertThat(subject(jdbc, blank)).as("nothing to take from the description").isEqualTo("Service");
        assertThat(subject(jdbc, levelOne)).isEqualTo("Pas de rappel");

        assertThat(firstResponse(jdbc, taken)).as("taken in hand, never answered").isFalse();
        assertThat(jdbc.sql("""
                        select k.first_response_at = k.opened_at + interval '2 hours'
                        from complaint k where id = :id""").param("id", answered).query(Boolean.class).single())
                .as("the first call our side made after it was opened").isTrue();

        assertThat(owner(jdbc, escalatedBySupport)).as("the first manager").isEqualTo(2);
        assertThat(owner(jdbc, escalatedByManager)).as("the manager who escalated").isEqualTo(3);
        assertThat(owner(jdbc, levelOne)).as("level 1 stays with its agent").isEqualTo(1);

        Map<String, Object> args = jdbc.sql("select event_args::text from interaction where id = :id")
                .param("id", openedEvent).query((rs, n) -> Map.<String, Object>of("args", rs.getString(1))).single();
        assertThat(args.get("args").toString()).contains("\"subject\": \"Palettes livrées abîmées\"")
                .contains("\"severity\": \"HIGH\"");
    }

    private static long complaint(JdbcClient jdbc, long company, String category, String description, String openedAt,
                                  String firstResponseAt, int level, Long escalatedBy, long owner) {
        return jdbc.sql("""
                        insert into complaint (company_id, channel, category, severity, description, owner_id, status,
                                               opened_at, opened_by, first_response_due, resolution_due,
                                               first_response_at, escalation_level, escalation_reason, escalated_by)
                        values (:company, 'PHONE', :category, 'HIGH', :description, :owner, 'IN_PROGRESS', %s, 1,
                                %s + interval '8 hours', %s + interval '2 days', %s, :level,
                                case when :level > 0 then 'raison' end, :escalatedBy)
                        returning id""".formatted(openedAt, openedAt, openedAt,
                        firstResponseAt == null ? "null" : firstResponseAt))
                .param("company", company).param("category", category).param("description", description).param("owner", owner)
                .param("level", level).param("escalatedBy", escalatedBy)
                .query(Long.class).single();
    }

    private static void exchange(JdbcClient jdbc, String direction, String at) {
        jdbc.sql("""
                insert into interaction (kind, company_id, channel, direction, occurred_at, logged_at, author_id,
                                         author_department, subject)
                values ('EXCHANGE', 1, 'PHONE', :direction, %s, now(), 1, 'SUPPORT', 'Appel')""".formatted(at))
                .param("direction", direction).update();
    }

    private static String subject(JdbcClient jdbc, long id) {
        return jdbc.sql("select subject from complaint where id = :id").param("id", id).query(String.class).single();
    }

    private static boolean firstResponse(JdbcClient jdbc, long id) {
        return jdbc.sql("select first_response_at is not null from complaint where id = :id").param("id", id)
                .query(Boolean.class).single();
    }

    private static long owner(JdbcClient jdbc, long id) {
        return jdbc.sql("select owner_id from complaint where id = :id").param("id", id).query(Long.class).single();
    }
}
