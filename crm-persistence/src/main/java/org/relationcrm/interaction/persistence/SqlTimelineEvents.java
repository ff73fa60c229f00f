package org.relationcrm.interaction.persistence;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.relationcrm.interaction.TimelineEvent;
import org.relationcrm.interaction.TimelineEvents;

/**
 * An event in one INSERT (two with its people): the arguments become a JSONB object built by PostgreSQL from two
 * text arrays ({@code jsonb_object(keys, values)}), so no JSON library and no Hibernate type is involved; the
 * {@code Interaction} entity reads these rows (their next step can be marked done) but never writes one.
 */
@Repository
class SqlTimelineEvents implements TimelineEvents {

    private final JdbcClient jdbc;

    SqlTimelineEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long append(TimelineEvent event, Instant at) {
        Timestamp when = Timestamp.from(at);
        TimelineEvent.FollowUp followUp = event.followUp();
        long id = jdbc.sql("""
                        insert into interaction (kind, event_type, event_args, ref_id, company_id, occurred_at,
                                                 logged_at, author_id, author_department, summary,
                                                 next_step_due, next_step_assignee_id)
                        values ('EVENT', :type, jsonb_object(cast(:keys as text[]), cast(:values as text[])), :ref,
                                :company, :at, :at, :author, :department, :note, :due, :assignee)
                        returning id""")
                .param("type", event.type().name())
                .param("keys", event.args().keySet().toArray(String[]::new))
                .param("values", event.args().values().toArray(String[]::new))
                .param("ref", event.refId())
                .param("company", event.companyId())
                .param("at", when)
                .param("author", event.author().userId())
                .param("department", event.author().department().name())
                .param("note", event.note())
                .param("due", followUp == null ? null : followUp.dueOn())
                .param("assignee", followUp == null ? null : followUp.assigneeId())
                .query(Long.class).single();
        for (Long contactId : event.contactIds()) {
            jdbc.sql("insert into interaction_contact (interaction_id, contact_id) values (:id, :contact)")
                    .param("id", id).param("contact", contactId).update();
        }
        return id;
    }
}
