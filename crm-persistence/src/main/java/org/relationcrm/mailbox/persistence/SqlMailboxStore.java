package org.relationcrm.mailbox.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.relationcrm.mailbox.EmailAddress;
import org.relationcrm.mailbox.IncomingEmail;
import org.relationcrm.mailbox.MailboxStore;
import org.relationcrm.mailbox.StoredEmail;
import org.relationcrm.shared.Slice;

/**
 * The mailbox's emails in SQL. Duplicates are refused by the unique Message-ID ({@code on conflict do nothing}), the
 * queue is read by keyset on the id through a partial index of the unmatched rows, and a row leaves the queue only
 * from the version its user saw.
 */
@Repository
class SqlMailboxStore implements MailboxStore {

    private static final String COLUMNS = """
            id, version, message_id, sender, sender_name, recipients, subject, %s body, attachment_names, sent_at,
            received_at, status, interaction_id""";

    private final JdbcClient jdbc;

    SqlMailboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Long> keep(IncomingEmail email, String subject, String body, Instant receivedAt) {
        return jdbc.sql("""
                        insert into mailbox_message (message_id, sender, sender_name, recipients, subject, body,
                                                     attachment_names, sent_at, received_at, status)
                        values (:messageId, :sender, :senderName, cast(:recipients as text[]), :subject, :body,
                                cast(:attachments as text[]), :sentAt, :receivedAt, 'UNMATCHED')
                        on conflict (message_id) do nothing
                        returning id""")
                .param("messageId", email.messageId())
                .param("sender", email.from().address())
                .param("senderName", email.from().name() == null ? null : cut(email.from().name(), 200))
                .param("recipients", email.recipients().stream().map(EmailAddress::address).toArray(String[]::new))
                .param("subject", subject)
                .param("body", body)
                .param("attachments", email.attachmentNames().toArray(String[]::new))
                .param("sentAt", Timestamp.from(email.sentAt()))
                .param("receivedAt", Timestamp.from(receivedAt))
                .query(Long.class).optional();
    }

    @Override
    public boolean logged(long id, long expectedVersion, long interactionId, Long handledBy, Instant at) {
        return jdbc.sql("""
                        update mailbox_message
                           set status = 'LOGGED', interaction_id = :interaction, handled_by = :by, handled_at = :at,
                               version = version + 1
                         where id = :id and version = :version and status = 'UNMATCHED'""")
                .param("interaction", interactionId).param("by", handledBy).param("at", Timestamp.from(at))
                .param("id", id).param("version", expectedVersion)
                .update() == 1;
    }

    @Override
    public boolean discard(long id, long expectedVersion, long handledBy, Instant at) {
        return jdbc.sql("""
                        update mailbox_message
                           set status = 'DISCARDED', handled_by = :by, handled_at = :at, version = version + 1
                         where id = :id and version = :version and status = 'UNMATCHED'""")
                .param("by", handledBy).param("at", Timestamp.from(at)).param("id", id)
                .param("version", expectedVersion)
                .update() == 1;
    }

    @Override
    public Optional<StoredEmail> find(long id) {
        return jdbc.sql("select " + COLUMNS.formatted("") + " from mailbox_message where id = :id")
                .param("id", id).query(SqlMailboxStore::row).optional();
    }

    @Override
    public Slice<StoredEmail, Long> unmatched(Long afterId, int limit) {
        List<StoredEmail> rows = jdbc.sql("select " + COLUMNS.formatted("left(body, " + EXCERPT + ")")
                        + " from mailbox_message where status = 'UNMATCHED' and id < :after order by id desc limit :limit")
                .param("after", afterId == null ? Long.MAX_VALUE : afterId)
                .param("limit", limit + 1)
                .query(SqlMailboxStore::row).list();
        boolean more = rows.size() > limit;
        List<StoredEmail> page = more ? rows.subList(0, limit) : rows;
        return new Slice<>(page, more ? page.getLast().id() : null);
    }

    @Override
    public OptionalLong lastUid(String folder, long uidValidity) {
        return jdbc.sql("select last_uid from mailbox_cursor where folder = :folder and uid_validity = :validity")
                .param("folder", folder).param("validity", uidValidity)
                .query(Long.class).optional().map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }

    @Override
    public void rememberUid(String folder, long uidValidity, long uid, Instant at) {
        jdbc.sql("""
                        insert into mailbox_cursor (folder, uid_validity, last_uid, read_at)
                        values (:folder, :validity, :uid, :at)
                        on conflict (folder) do update
                           set uid_validity = excluded.uid_validity, last_uid = excluded.last_uid,
                               read_at = excluded.read_at""")
                .param("folder", folder).param("validity", uidValidity).param("uid", uid)
                .param("at", Timestamp.from(at))
                .update();
    }

    private static StoredEmail row(ResultSet rs, int n) throws SQLException {
        long interaction = rs.getLong("interaction_id");
        return new StoredEmail(rs.getLong("id"), rs.getLong("version"), rs.getString("message_id"),
                new EmailAddress(rs.getString("sender"), rs.getString("sender_name")), strings(rs.getArray("recipients")),
                rs.getString("subject"), rs.getString("body"), strings(rs.getArray("attachment_names")),
                rs.getTimestamp("sent_at").toInstant(), rs.getTimestamp("received_at").toInstant(),
                StoredEmail.Status.valueOf(rs.getString("status")), rs.wasNull() ? null : interaction);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
