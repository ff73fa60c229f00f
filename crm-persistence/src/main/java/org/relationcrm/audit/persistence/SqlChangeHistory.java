package org.relationcrm.audit.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.relationcrm.audit.Change;
import org.relationcrm.audit.ChangeCursor;
import org.relationcrm.audit.ChangeHistoryStore;
import org.relationcrm.audit.RecordKind;
import org.relationcrm.shared.Slice;

/**
 * A record's history in one statement per page: keyset on (changed_at, id) over the index
 * {@code (table_name, record_id, changed_at desc, id desc)}, each change's fields flattened by
 * {@code jsonb_each} into three arrays (names, old and new values as text), the actor's current full name joined.
 */
@Repository
class SqlChangeHistory implements ChangeHistoryStore {

    private static final String PAGE = """
            select h.id, h.changed_at, h.actor_id, coalesce(u.full_name, h.actor_name) actor, h.operation,
                   f.names, f.olds, f.news
            from change_history h
            left join app_user u on u.id = h.actor_id
            left join lateral (
                select array_agg(c.key order by c.key) names,
                       array_agg(c.value ->> 0 order by c.key) olds,
                       array_agg(c.value ->> 1 order by c.key) news
                from jsonb_each(h.changes) c) f on true
            where h.table_name = :table and h.record_id = :id
            """;
    private static final String ORDER = " order by h.changed_at desc, h.id desc limit :limit";

    private final JdbcClient jdbc;

    SqlChangeHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Slice<Change, ChangeCursor> page(RecordKind kind, long recordId, ChangeCursor before, int size) {
        JdbcClient.StatementSpec statement = before == null
                ? jdbc.sql(PAGE + ORDER)
                : jdbc.sql(PAGE + " and (h.changed_at, h.id) < (:beforeAt, :beforeId)" + ORDER)
                        .param("beforeAt", Timestamp.from(before.at())).param("beforeId", before.id());
        List<Change> rows = statement.param("table", kind.table()).param("id", recordId).param("limit", size + 1)
                .query((rs, n) -> change(rs)).list();
        if (rows.size() <= size) {
            return new Slice<>(rows, null);
        }
        Change last = rows.get(size - 1);
        return new Slice<>(new ArrayList<>(rows.subList(0, size)), new ChangeCursor(last.at(), last.id()));
    }

    private static Change change(ResultSet rs) throws SQLException {
        List<Change.FieldChange> fields = new ArrayList<>();
        String[] names = strings(rs.getArray("names"));
        String[] olds = strings(rs.getArray("olds"));
        String[] news = strings(rs.getArray("news"));
        for (int i = 0; i < names.length; i++) {
            fields.add(new Change.FieldChange(names[i], olds[i], news[i]));
        }
        long actorId = rs.getLong("actor_id");
        Long actor = rs.wasNull() ? null : actorId;
        return new Change(rs.getLong("id"), rs.getTimestamp("changed_at").toInstant(), actor, rs.getString("actor"),
                Change.Operation.valueOf(rs.getString("operation")), fields);
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    @Override
    public int forgetValues(RecordKind kind, long recordId) {
        return jdbc.sql("""
                        update change_history
                        set changes = (select coalesce(jsonb_object_agg(c.key, '[null, null]'::jsonb), '{}')
                                       from jsonb_each(changes) c)
                        where table_name = :table and record_id = :id and changes <> '{}'""")
                .param("table", kind.table()).param("id", recordId)
                .update();
    }

    @Override
    public Map<Long, String> userNames(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        jdbc.sql("select id, full_name from app_user where id = any(:ids)")
                .param("ids", ids.toArray(Long[]::new))
                .query(rs -> {
                    names.put(rs.getLong(1), rs.getString(2));
                });
        return names;
    }
}
