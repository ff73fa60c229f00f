package org.relationcrm.privacy.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.relationcrm.client.Consent;
import org.relationcrm.client.ConsentSource;
import org.relationcrm.privacy.ConsentHistoryEntry;
import org.relationcrm.privacy.ExportedInteraction;
import org.relationcrm.privacy.LegalHold;
import org.relationcrm.privacy.PersonFile;
import org.relationcrm.privacy.PrivacyQueries;
import org.relationcrm.shared.Channel;

/** The privacy module's SQL: the consent history, legal holds, a person's export and the erasure of their mentions. */
@Repository
class SqlPrivacyQueries implements PrivacyQueries {

    /** No company has this id: stands for "no company" in a parameter compared with company_id. */
    private static final long NO_COMPANY = -1;
    /** How many holds of each kind are shown at most. */
    private static final int HOLDS_SHOWN = 20;

    private final JdbcClient jdbc;

    SqlPrivacyQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void appendConsents(long contactId, Consent before, Consent after, ConsentSource source, Long userId,
                               Instant at) {
        for (Channel channel : List.of(Channel.EMAIL, Channel.PHONE, Channel.SMS, Channel.LETTER)) {
            boolean now = after.allows(channel);
            if (before == null ? !now : before.allows(channel) == now) {
                continue;
            }
            jdbc.sql("""
                            insert into consent_history (contact_id, channel, granted, recorded_at, recorded_by,
                                                         recorded_by_name, source)
                            values (:contact, :channel, :granted, :at, :user,
                                    (select full_name from app_user where id = :user), :source)
                            """)
                    .param("contact", contactId).param("channel", channel.name()).param("granted", now)
                    .param("at", Timestamp.from(at)).param("user", userId, java.sql.Types.BIGINT)
                    .param("source", source.name())
                    .update();
        }
    }

    @Override
    public List<ConsentHistoryEntry> consentHistory(long contactId) {
        return jdbc.sql("""
                        select channel, granted, recorded_at, recorded_by, recorded_by_name, source
                          from consent_history
                         where contact_id = :contact
                         order by recorded_at desc, id desc
                         limit :limit
                        """)
                .param("contact", contactId).param("limit", HISTORY_LIMIT)
                .query((rs, n) -> new ConsentHistoryEntry(Channel.valueOf(rs.getString("channel")),
                        rs.getBoolean("granted"), instant(rs, "recorded_at"), rs.getObject("recorded_by", Long.class),
                        rs.getString("recorded_by_name"), ConsentSource.valueOf(rs.getString("source"))))
                .list();
    }

    @Override
    public List<LegalHold> legalHolds(long contactId, Long companyId) {
        return jdbc.sql("""
                        (select 'OPEN_COMPLAINT' as kind, k.id, k.subject as reference, k.opened_at::date as since
                           from complaint k
                          where k.status in ('OPEN', 'IN_PROGRESS') and (k.contact_id = :contact or k.company_id = :company)
                          order by k.opened_at, k.id
                          limit :shown)
                        union all
                        (select 'UNPAID_INVOICE', o.id, coalesce(o.invoice_number, o.number), o.invoice_due_on
                           from customer_order o
                          where o.status = 'INVOICED' and (o.contact_id = :contact or o.company_id = :company)
                          order by o.invoice_due_on, o.id
                          limit :shown)
                        union all
                        (select 'ORDER_UNDER_WAY', o.id, o.number, o.ordered_on
                           from customer_order o
                          where o.status in ('RECEIVED', 'CONFIRMED', 'SHIPPED', 'DELIVERED')
                            and (o.contact_id = :contact or o.company_id = :company)
                          order by o.ordered_on, o.id
                          limit :shown)
                        """)
                .param("contact", contactId).param("company", companyId == null ? NO_COMPANY : companyId)
                .param("shown", HOLDS_SHOWN)
                .query((rs, n) -> new LegalHold(LegalHold.Kind.valueOf(rs.getString("kind")), rs.getLong("id"),
                        rs.getString("reference"), rs.getObject("since", LocalDate.class)))
                .list();
    }

    @Override
    public List<ExportedInteraction> interactions(long contactId, Instant beforeAt, Long beforeId, int limit) {
        boolean after = beforeAt != null && beforeId != null;
        var statement = jdbc.sql("""
                        select i.id, i.occurred_at, i.kind, i.event_type, i.channel, i.direction, u.full_name,
                               i.subject, i.summary, i.outcome, i.next_step, i.next_step_due
                          from interaction_contact ic
                          join interaction i on i.id = ic.interaction_id
                          join app_user u on u.id = i.author_id
                         where ic.contact_id = :contact
                        """ + (after ? " and (ic.occurred_at, ic.interaction_id) < (:at, :id)" : "") + """
                         order by ic.occurred_at desc, ic.interaction_id desc
                         limit :limit
                        """)
                .param("contact", contactId).param("limit", limit);
        if (after) {
            statement = statement.param("at", Timestamp.from(beforeAt)).param("id", beforeId);
        }
        return statement.query((rs, n) -> new ExportedInteraction(rs.getLong("id"), instant(rs, "occurred_at"),
                        rs.getString("kind"), rs.getString("event_type"), rs.getString("channel"),
                        rs.getString("direction"), rs.getString("full_name"), rs.getString("subject"),
                        rs.getString("summary"), rs.getString("outcome"), rs.getString("next_step"),
                        rs.getObject("next_step_due", LocalDate.class)))
                .list();
    }

    @Override
    public List<PersonFile.Complaint> complaints(long contactId) {
        return jdbc.sql("""
                        select id, opened_at, status, category, severity, subject, description, resolution, resolved_at
                          from complaint
                         where contact_id = :contact
                         order by opened_at desc, id desc
                        """)
                .param("contact", contactId)
                .query((rs, n) -> new PersonFile.Complaint(rs.getLong("id"), instant(rs, "opened_at"),
                        rs.getString("status"), rs.getString("category"), rs.getString("severity"),
                        rs.getString("subject"), rs.getString("description"), rs.getString("resolution"),
                        instant(rs, "resolved_at")))
                .list();
    }

    @Override
    public List<PersonFile.SurveyAnswer> surveyAnswers(long contactId) {
        return jdbc.sql("""
                        select id, kind, sent_at, answered_at, score, comment
                          from survey
                         where contact_id = :contact
                         order by created_at desc, id desc
                        """)
                .param("contact", contactId)
                .query((rs, n) -> new PersonFile.SurveyAnswer(rs.getLong("id"), rs.getString("kind"),
                        instant(rs, "sent_at"), instant(rs, "answered_at"), rs.getObject("score", Integer.class),
                        rs.getString("comment")))
                .list();
    }

    @Override
    public List<PersonFile.Order> orders(long contactId) {
        return jdbc.sql("""
                        select id, number, ordered_on, status, total, currency
                          from customer_order
                         where contact_id = :contact
                         order by ordered_on desc, id desc
                        """)
                .param("contact", contactId)
                .query((rs, n) -> new PersonFile.Order(rs.getLong("id"), rs.getString("number"),
                        rs.getObject("ordered_on", LocalDate.class), rs.getString("status"),
                        rs.getBigDecimal("total"), rs.getString("currency")))
                .list();
    }

    @Override
    public List<PersonFile.Request> requestsMentioning(long companyId, Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, created_at, kind, status, needed, answer
                          from request
                         where company_id = :company
                           and concat_ws(' ', needed, answer, information_asked, information_given, decline_reason,
                                         rating_comment) ~* :pattern
                         order by created_at desc, id desc
                        """)
                .param("company", companyId).param("pattern", pattern(names))
                .query((rs, n) -> new PersonFile.Request(rs.getLong("id"), instant(rs, "created_at"),
                        rs.getString("kind"), rs.getString("status"), rs.getString("needed"), rs.getString("answer")))
                .list();
    }

    @Override
    public int replaceMentions(long contactId, Long companyId, Collection<String> names, String replacement) {
        String pattern = pattern(names);
        long company = companyId == null ? NO_COMPANY : companyId;
        int changed = jdbc.sql("""
                        update interaction i
                           set subject = left(regexp_replace(i.subject, :pattern, :replacement, 'gi'), 200),
                               summary = regexp_replace(i.summary, :pattern, :replacement, 'gi'),
                               outcome = left(regexp_replace(i.outcome, :pattern, :replacement, 'gi'), 1000),
                               next_step = left(regexp_replace(i.next_step, :pattern, :replacement, 'gi'), 500),
                               version = i.version + 1
                         where (i.company_id = :company
                                or i.id in (select ic.interaction_id from interaction_contact ic
                                             where ic.contact_id = :contact))
                           and concat_ws(' ', i.subject, i.summary, i.outcome, i.next_step) ~* :pattern
                        """)
                .param("pattern", pattern).param("replacement", replacement).param("company", company)
                .param("contact", contactId)
                .update();
        changed += jdbc.sql("""
                        update complaint k
                           set subject = left(regexp_replace(k.subject, :pattern, :replacement, 'gi'), 150),
                               description = regexp_replace(k.description, :pattern, :replacement, 'gi'),
                               resolution = regexp_replace(k.resolution, :pattern, :replacement, 'gi'),
                               escalation_reason = left(regexp_replace(k.escalation_reason, :pattern, :replacement, 'gi'), 1000),
                               root_cause_detail = left(regexp_replace(k.root_cause_detail, :pattern, :replacement, 'gi'), 1000),
                               version = k.version + 1
                         where (k.contact_id = :contact or k.company_id = :company)
                           and concat_ws(' ', k.subject, k.description, k.resolution, k.escalation_reason,
                                         k.root_cause_detail) ~* :pattern
                        """)
                .param("pattern", pattern).param("replacement", replacement).param("company", company)
                .param("contact", contactId)
                .update();
        changed += jdbc.sql("""
                        update survey s
                           set comment = regexp_replace(s.comment, :pattern, :replacement, 'gi'),
                               version = s.version + 1
                         where (s.contact_id = :contact or s.company_id = :company) and s.comment ~* :pattern
                        """)
                .param("pattern", pattern).param("replacement", replacement).param("company", company)
                .param("contact", contactId)
                .update();
        changed += jdbc.sql("""
                        update request r
                           set needed = left(regexp_replace(r.needed, :pattern, :replacement, 'gi'), 5000),
                               answer = left(regexp_replace(r.answer, :pattern, :replacement, 'gi'), 5000),
                               information_asked = left(regexp_replace(r.information_asked, :pattern, :replacement, 'gi'), 1000),
                               information_given = left(regexp_replace(r.information_given, :pattern, :replacement, 'gi'), 5000),
                               decline_reason = left(regexp_replace(r.decline_reason, :pattern, :replacement, 'gi'), 1000),
                               rating_comment = left(regexp_replace(r.rating_comment, :pattern, :replacement, 'gi'), 1000),
                               version = r.version + 1
                         where r.company_id = :company
                           and concat_ws(' ', r.needed, r.answer, r.information_asked, r.information_given,
                                         r.decline_reason, r.rating_comment) ~* :pattern
                        """)
                .param("pattern", pattern).param("replacement", replacement).param("company", company)
                .update();
        // the emails read from the dropbox (mailbox module): those that became the company's interactions and
        // those still waiting in the queue or discarded, by their addresses and texts
        changed += jdbc.sql("""
                        update mailbox_message m
                           set sender = case when m.sender ~* :pattern then :replacement else m.sender end,
                               sender_name = case when m.sender_name ~* :pattern then null else m.sender_name end,
                               recipients = array(select case when r ~* :pattern then :replacement else r end
                                                  from unnest(m.recipients) r),
                               subject = left(regexp_replace(m.subject, :pattern, :replacement, 'gi'), 200),
                               body = regexp_replace(m.body, :pattern, :replacement, 'gi'),
                               version = m.version + 1
                         where (m.status <> 'LOGGED'
                                or m.interaction_id in (select i.id from interaction i where i.company_id = :company))
                           and concat_ws(' ', m.sender, m.sender_name, array_to_string(m.recipients, ' '), m.subject,
                                         m.body) ~* :pattern
                        """)
                .param("pattern", pattern).param("replacement", replacement).param("company", company)
                .update();
        return changed;
    }

    /**
     * A PostgreSQL regular expression matching any of the names as a whole word ({@code \m}, {@code \M}), each
     * taken literally (every character that is not a letter or a digit escaped), longest first.
     */
    static String pattern(Collection<String> names) {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return sorted.stream().map(SqlPrivacyQueries::literal)
                .collect(Collectors.joining("|", "\\m(?:", ")\\M"));
    }

    private static String literal(String name) {
        StringBuilder out = new StringBuilder(name.length() * 2);
        name.codePoints().forEach(c -> {
            if (!Character.isLetterOrDigit(c) && !Character.isWhitespace(c)) {
                out.append('\\');
            }
            out.appendCodePoint(c);
        });
        return out.toString();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
