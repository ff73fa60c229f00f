package org.relationcrm.interaction.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.relationcrm.interaction.CountedTimeline;
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.Interaction;
import org.relationcrm.interaction.PersonRef;
import org.relationcrm.interaction.Sentiment;
import org.relationcrm.interaction.TimelineCursor;
import org.relationcrm.interaction.TimelineEntry;
import org.relationcrm.interaction.TimelineEventType;
import org.relationcrm.interaction.TimelineFilter;
import org.relationcrm.interaction.TimelineQueries;
import org.relationcrm.interaction.TimelineScope;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.Slice;
import org.relationcrm.shared.persistence.EventArgs;
import org.relationcrm.shared.persistence.TextMatch;

/**
 * A timeline page in one statement: the page's interactions are picked first from a (scope, occurred_at, id)
 * index, then authors, people and an event's arguments (JSONB, as a text array) are read for those rows only.
 */
@Repository
class SqlTimelineQueries implements TimelineQueries {

    private final JdbcClient jdbc;

    SqlTimelineQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Slice<TimelineEntry, TimelineCursor> page(TimelineScope scope, TimelineFilter filter, TimelineCursor before,
                                                     int size) {
        return page(scope, filter, before, size, "", (rs, entry) -> entry);
    }

    /**
     * A company's whole history: its first page carries the count kept for it (V36) in a column of its own, so the
     * 360° page reads both in one statement (an empty page means an empty history: nothing is counted then).
     */
    @Override
    public CountedTimeline firstPageCounted(TimelineScope scope, TimelineFilter filter, int size, int cap) {
        if (scope.kind() != TimelineScope.Kind.COMPANY || !filter.isEmpty()) {
            return TimelineQueries.super.firstPageCounted(scope, filter, size, cap);
        }
        long[] count = {0};
        var page = page(scope, filter, null, size,
                ", (select entries from company_timeline_count where company_id = :scopeId) whole_count",
                (rs, entry) -> {
                    count[0] = rs.getLong("whole_count");
                    return entry;
                });
        return new CountedTimeline(page, count[0]);
    }

    /** Reads each row's columns beyond the entry's own. */
    private interface RowExtra {
        TimelineEntry read(ResultSet rs, TimelineEntry entry) throws SQLException;
    }

    private Slice<TimelineEntry, TimelineCursor> page(TimelineScope scope, TimelineFilter filter, TimelineCursor before,
                                                      int size, String extraColumns, RowExtra extra) {
        String page = scope.kind() == TimelineScope.Kind.COMPANY ? companyPage(filter, before) : contactPage(filter, before);
        String sql = """
                select i.id, i.version, i.kind, i.event_type, %s, i.ref_id, i.company_id,
                       co.name company_name, i.occurred_at, i.channel, i.direction,
                       au.full_name author_name, i.author_department, i.subject, i.summary, i.outcome, i.sentiment,
                       i.next_step, i.next_step_due, i.next_step_done_at, du.full_name done_by_name,
                       people.ids people_ids, people.names people_names%s
                from (%s) i
                join app_user au on au.id = i.author_id
                left join app_user du on du.id = i.next_step_done_by
                left join company co on co.id = i.company_id
                left join lateral (
                    select array_agg(k.id order by k.id) ids,
                           array_agg(case when k.anonymised_at is null then concat_ws(' ', k.first_name, k.last_name) end
                                     order by k.id) names
                    from interaction_contact ic
                    join contact k on k.id = ic.contact_id
                    where ic.interaction_id = i.id) people on true
                order by i.occurred_at desc, i.id desc
                """.formatted(EventArgs.COLUMN, extraColumns, page);
        var statement = withFilters(jdbc.sql(sql).param("scopeId", scope.id()).param("limit", size + 1), filter);
        if (before != null) {
            statement = statement.param("beforeAt", Timestamp.from(before.occurredAt())).param("beforeId", before.id());
        }
        List<TimelineEntry> rows = statement.query((rs, n) -> extra.read(rs, toEntry(rs))).list();
        if (rows.size() <= size) {
            return new Slice<>(rows, null);
        }
        List<TimelineEntry> shown = rows.subList(0, size);
        TimelineEntry last = shown.getLast();
        return new Slice<>(List.copyOf(shown), new TimelineCursor(last.occurredAt(), last.id()));
    }

    @Override
    public long count(TimelineScope scope, TimelineFilter filter, int cap) {
        if (scope.kind() == TimelineScope.Kind.COMPANY && filter.isEmpty()) {
            // a company's whole history: kept as entries are inserted (V36), exact at any size
            return jdbc.sql("select coalesce((select entries from company_timeline_count where company_id = :id), 0)")
                    .param("id", scope.id()).query(Long.class).single();
        }
        StringBuilder where = new StringBuilder(scope.kind() == TimelineScope.Kind.COMPANY
                ? "x.company_id = :scopeId" : "xc.contact_id = :scopeId");
        appendFilters(where, filter);
        String from = scope.kind() == TimelineScope.Kind.COMPANY
                ? "interaction x"
                : "interaction_contact xc join interaction x on x.id = xc.interaction_id";
        String sql = "select count(*) from (select 1 from " + from + " where " + where + " limit :cap) counted";
        return withFilters(jdbc.sql(sql).param("scopeId", scope.id()).param("cap", cap + 1), filter)
                .query(Long.class).single();
    }

    private static JdbcClient.StatementSpec withFilters(JdbcClient.StatementSpec statement, TimelineFilter filter) {
        if (filter.channel() != null) {
            statement = statement.param("channel", filter.channel().name());
        }
        if (filter.department() != null) {
            statement = statement.param("department", filter.department().name());
        }
        if (filter.text() != null) {
            statement = statement.param("text", TextMatch.anywhere(filter.text())); // folded by the SQL
        }
        return statement;
    }

    private static String companyPage(TimelineFilter filter, TimelineCursor before) {
        StringBuilder where = new StringBuilder("x.company_id = :scopeId");
        appendFilters(where, filter);
        if (before != null) {
            where.append(" and (x.occurred_at, x.id) < (:beforeAt, :beforeId)");
        }
        return "select x.* from interaction x where " + where + " order by x.occurred_at desc, x.id desc limit :limit";
    }

    private static String contactPage(TimelineFilter filter, TimelineCursor before) {
        StringBuilder where = new StringBuilder("xc.contact_id = :scopeId");
        appendFilters(where, filter);
        if (before != null) {
            where.append(" and (xc.occurred_at, xc.interaction_id) < (:beforeAt, :beforeId)");
        }
        return """
                select x.* from interaction_contact xc
                join interaction x on x.id = xc.interaction_id
                where %s
                order by xc.occurred_at desc, xc.interaction_id desc limit :limit""".formatted(where);
    }

    private static void appendFilters(StringBuilder where, TimelineFilter filter) {
        if (filter.channel() != null) {
            where.append(" and x.channel = :channel");
        }
        if (filter.department() != null) {
            where.append(" and x.author_department = :department");
        }
        if (filter.text() != null) {
            // accents and case folded on both sides; within one client's history, no index needed
            where.append(" and (relation_fold(concat_ws(' ', x.subject, x.summary, x.outcome, x.next_step))"
                    + " like relation_fold(:text) or exists (select 1 from jsonb_each_text(x.event_args) a"
                    + " where relation_fold(a.value) like relation_fold(:text)))");
        }
    }

    @Override
    public Optional<Instant> lastInteractionAt(TimelineScope scope) {
        String sql = scope.kind() == TimelineScope.Kind.COMPANY
                ? "select max(occurred_at) from interaction where company_id = :id and kind = 'EXCHANGE'"
                : """
                  select max(ic.occurred_at) from interaction_contact ic join interaction i on i.id = ic.interaction_id
                  where ic.contact_id = :id and i.kind = 'EXCHANGE'""";
        return Optional.ofNullable(jdbc.sql(sql).param("id", scope.id()).query(Timestamp.class).single())
                .map(Timestamp::toInstant);
    }

    private static TimelineEntry toEntry(ResultSet rs) throws SQLException {
        long companyId = rs.getLong("company_id");
        Long company = rs.wasNull() ? null : companyId;
        Timestamp doneAt = rs.getTimestamp("next_step_done_at");
        String sentiment = rs.getString("sentiment");
        long refId = rs.getLong("ref_id");
        Long ref = rs.wasNull() ? null : refId;
        String channel = rs.getString("channel");
        String direction = rs.getString("direction");
        String eventType = rs.getString("event_type");
        return new TimelineEntry(rs.getLong("id"), Interaction.Kind.valueOf(rs.getString("kind")),
                eventType == null ? null : TimelineEventType.valueOf(eventType),
                EventArgs.of(rs.getArray("arg_table")), ref, company, rs.getString("company_name"),
                rs.getTimestamp("occurred_at").toInstant(), channel == null ? null : Channel.valueOf(channel),
                direction == null ? null : Direction.valueOf(direction), rs.getString("author_name"),
                Department.valueOf(rs.getString("author_department")), rs.getString("subject"),
                rs.getString("summary"), rs.getString("outcome"),
                sentiment == null ? null : Sentiment.valueOf(sentiment), rs.getString("next_step"),
                rs.getObject("next_step_due", LocalDate.class), doneAt == null ? null : doneAt.toInstant(),
                rs.getString("done_by_name"), people(rs.getArray("people_ids"), rs.getArray("people_names")),
                rs.getLong("version"));
    }

    private static List<PersonRef> people(Array ids, Array names) throws SQLException {
        if (ids == null) {
            return List.of();
        }
        Long[] idValues = (Long[]) ids.getArray();
        String[] nameValues = (String[]) names.getArray();
        List<PersonRef> people = new ArrayList<>(idValues.length);
        for (int i = 0; i < idValues.length; i++) {
            people.add(new PersonRef(idValues[i], nameValues[i]));
        }
        return people;
    }
}
