package org.relationcrm.audit.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.relationcrm.audit.AuditAction;
import org.relationcrm.audit.AuditCursor;
import org.relationcrm.audit.AuditEntry;
import org.relationcrm.audit.AuditFilter;
import org.relationcrm.audit.AuditLogStore;
import org.relationcrm.shared.Slice;

/**
 * The audit log (table audit_log, migration V71): one INSERT per entry; a page is one keyset statement on
 * {@code (at, id)}, through the index of the filter given (the action's, the user's, or the time's).
 */
@Repository
class SqlAuditLog implements AuditLogStore {

    private static final String SELECT = """
            select l.id, l.at, l.actor_id, l.actor, l.action, l.subject, l.ip, d.names, d.texts
            from audit_log l
            left join lateral (
                select array_agg(e.key order by e.key) names, array_agg(e.value order by e.key) texts
                from jsonb_each_text(l.details) e) d on true
            where true""";

    private final JdbcClient jdbc;

    SqlAuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(AuditEntry entry) {
        List<String> keys = new ArrayList<>(entry.details().keySet());
        List<String> values = keys.stream().map(entry.details()::get).toList();
        jdbc.sql("""
                        insert into audit_log (at, actor_id, actor, action, subject, details, ip)
                        values (:at, :actorId, :actor, :action, :subject,
                                coalesce(jsonb_object(cast(:keys as text[]), cast(:values as text[])), '{}'), :ip)""")
                .param("at", Timestamp.from(entry.at()))
                .param("actorId", entry.actorId())
                .param("actor", entry.actor())
                .param("action", entry.action().name())
                .param("subject", entry.subject())
                .param("keys", keys.toArray(String[]::new))
                .param("values", values.toArray(String[]::new))
                .param("ip", entry.address())
                .update();
    }

    @Override
    public Slice<AuditEntry, AuditCursor> page(AuditFilter filter, AuditCursor before, int size) {
        // only the filters given, so that the planner picks the index that serves them
        StringBuilder sql = new StringBuilder(SELECT);
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.action() != null) {
            sql.append(" and l.action = :action");
            params.put("action", filter.action().name());
        }
        if (filter.user() != null) {
            sql.append(" and lower(l.actor) = lower(:user)");
            params.put("user", filter.user());
        }
        if (filter.from() != null) {
            sql.append(" and l.at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and l.at < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        if (before != null) {
            sql.append(" and (l.at, l.id) < (:beforeAt, :beforeId)");
            params.put("beforeAt", Timestamp.from(before.at()));
            params.put("beforeId", before.id());
        }
        sql.append(" order by l.at desc, l.id desc limit :limit");
        params.put("limit", size + 1);
        List<AuditEntry> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> entry(rs)).list();
        if (rows.size() <= size) {
            return new Slice<>(rows, null);
        }
        AuditEntry last = rows.get(size - 1);
        return new Slice<>(new ArrayList<>(rows.subList(0, size)), new AuditCursor(last.at(), last.id()));
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        Map<String, String> details = new LinkedHashMap<>();
        Array names = rs.getArray("names");
        if (names != null) {
            String[] keys = (String[]) names.getArray();
            String[] texts = (String[]) rs.getArray("texts").getArray();
            for (int i = 0; i < keys.length; i++) {
                details.put(keys[i], texts[i]);
            }
        }
        long actorId = rs.getLong("actor_id");
        Long actor = rs.wasNull() ? null : actorId;
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), actor, rs.getString("actor"),
                AuditAction.valueOf(rs.getString("action")), rs.getString("subject"), details, rs.getString("ip"));
    }
}
