package org.relationcrm.interaction.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import org.relationcrm.testing.TestDatabase;

/**
 * V24 turns the events recorded before the typed timeline (French sentences and codes in subject, summary and
 * next_step) into types and arguments, keeping only what users typed. Run on a database of its own, migrated to V23,
 * filled with rows written the old way, then migrated to the end.
 */
class TypedTimelineMigrationTests {

    @Test
    void oldSentencesBecomeArgumentsAndUserTextStays() {
        TestDatabase.Connection db = TestDatabase.another();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url(), db.username(), db.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("23").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("""
                insert into app_user (id, username, password_hash, full_name, role, department)
                values (1, 'sophie', 'x', 'Sophie Martin', 'SALES', 'SALES')""").update();
        jdbc.sql("""
                insert into company (id, name, status, owner_id, created_at)
                values (1, 'Acme', 'CUSTOMER', 1, now())""").update();
        jdbc.sql("""
                insert into complaint (id, company_id, channel, category, severity, description, owner_id, status,
                                       opened_at, opened_by, first_response_due, resolution_due)
                values (12, 1, 'PHONE', 'DELIVERY', 'HIGH', 'Palettes abîmées', 1, 'OPEN', now(), 1, now(), now())""")
                .update();
        long created = old(jdbc, "OPPORTUNITY_CREATED", "OPPORTUNITY", 7L, "Contrat cadre — 55300.00 EUR", null, null);
        long stage = old(jdbc, "STAGE_CHANGED", "OPPORTUNITY", 7L, "Contrat cadre",
                "PROSPECTING → QUALIFIED · Envoyer la proposition", null);
        long won = old(jdbc, "OPPORTUNITY_WON", "OPPORTUNITY", 7L, "Contrat cadre", "55300.00 EUR", null);
        long lost = old(jdbc, "OPPORTUNITY_LOST", "OPPORTUNITY", 8L, "Extension", "COMPETITOR — moins cher", null);
        long checkIn = old(jdbc, "CARE_CHECK_IN", "OPPORTUNITY", 7L, "Suivi après signature : point à J+90", null,
                "Point de suivi J+90 après la signature");
        long opened = old(jdbc, "COMPLAINT_OPENED", "COMPLAINT", 12L, "Réclamation livraison, gravité haute #12",
                "Palettes abîmées", null);
        long escalated = old(jdbc, "COMPLAINT_ESCALATED", "COMPLAINT", 12L, "Escalade niveau 2 #12", "Client bloqué", null);
        long sent = old(jdbc, "SURVEY_SENT", "SURVEY", 3L, "Enquête CSAT envoyée à Anne Martin (lien à transmettre)",
                null, null);
        long answered = old(jdbc, "SURVEY_ANSWERED", "SURVEY", 3L, "NPS : 3/10 — Anne Martin", "Trop lent",
                "Rappeler Anne Martin : réponse NPS 3/10");
        long held = old(jdbc, "PRODUCT_LINE_HELD", null, null, "Gamme détenue : Maintenance", null, null);

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        assertThat(args(jdbc, created)).isEqualTo(Map.of("title", "Contrat cadre", "amount", "55300.00", "currency", "EUR"));
        assertThat(args(jdbc, stage)).isEqualTo(Map.of("title", "Contrat cadre", "from", "PROSPECTING", "to", "QUALIFIED"));
        assertThat(text(jdbc, stage, "summary")).isEqualTo("Envoyer la proposition");
        assertThat(args(jdbc, won)).isEqualTo(Map.of("title", "Contrat cadre", "amount", "55300.00", "currency", "EUR"));
        assertThat(text(jdbc, won, "summary")).isNull();
        assertThat(args(jdbc, lost)).isEqualTo(Map.of("title", "Extension", "reason", "COMPETITOR"));
        assertThat(text(jdbc, lost, "summary")).isEqualTo("moins cher");
        assertThat(args(jdbc, checkIn)).isEqualTo(Map.of("day", "90"));
        assertThat(text(jdbc, checkIn, "next_step")).isNull();
        // V34 names the complaint by its subject (taken from its description) on every event about it
        assertThat(args(jdbc, opened)).isEqualTo(Map.of("number", "12", "category", "DELIVERY", "severity", "HIGH",
                "subject", "Palettes abîmées"));
        assertThat(text(jdbc, opened, "summary")).isEqualTo("Palettes abîmées");
        assertThat(args(jdbc, escalated)).isEqualTo(Map.of("number", "12", "level", "2", "subject", "Palettes abîmées"));
        assertThat(args(jdbc, sent)).isEqualTo(Map.of("survey", "CSAT", "sentBy", "LINK"));
        assertThat(args(jdbc, answered)).isEqualTo(Map.of("survey", "NPS", "score", "3", "max", "10",
                "person", "Anne Martin"));
        assertThat(text(jdbc, answered, "summary")).isEqualTo("Trop lent");
        assertThat(text(jdbc, answered, "next_step")).isNull();
        assertThat(args(jdbc, held)).isEqualTo(Map.of("line", "Maintenance"));
        assertThat(jdbc.sql("select count(*) from interaction where kind = 'EVENT' and subject is not null")
                .query(Long.class).single()).as("no sentence left").isZero();
        assertThat(jdbc.sql("select count(*) from interaction where next_step_due is not null and next_step_done_at is null")
                .query(Long.class).single()).as("the open follow-ups are still open").isEqualTo(2);
    }

    private static long old(JdbcClient jdbc, String type, String refType, Long refId, String subject, String summary,
                            String nextStep) {
        return jdbc.sql("""
                        insert into interaction (kind, event_type, ref_type, ref_id, company_id, occurred_at, logged_at,
                                                 author_id, author_department, subject, summary, next_step,
                                                 next_step_due, next_step_assignee_id)
                        values ('EVENT', :type, :refType, :refId, 1, now(), now(), 1, 'SALES', :subject, :summary,
                                :nextStep, case when :hasNext then current_date + 2 end,
                                case when :hasNext then 1 end)
                        returning id""")
                .param("type", type).param("refType", refType).param("refId", refId).param("subject", subject)
                .param("summary", summary).param("nextStep", nextStep).param("hasNext", nextStep != null)
                .query(Long.class).single();
    }

    private static Map<String, Object> args(JdbcClient jdbc, long id) {
        return jdbc.sql("select key, value from interaction, jsonb_each_text(event_args) where id = :id")
                .param("id", id).query((rs, n) -> Map.entry(rs.getString(1), (Object) rs.getString(2))).list()
                .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static String text(JdbcClient jdbc, long id, String column) {
        return jdbc.sql("select " + column + " from interaction where id = :id").param("id", id)
                .query((rs, n) -> rs.getString(1)).list().getFirst();
    }
}
