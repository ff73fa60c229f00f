package org.relationcrm.quality.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.relationcrm.quality.PairCursor;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.shared.Slice;
import org.relationcrm.shared.StaleEditException;

/**
 * What merging companies and merging people do alike in SQL: locking the two records and checking the loser's
 * version, the columns a row put back can be written to, the count of what moved, and the duplicates lists' pages and
 * "not a duplicate". {@code table} is one of {@code company} and {@code contact} (constants of the callers, never
 * input); the other tables follow from it ({@code company_merge_row}, {@code contact_duplicate_dismissed}…).
 */
final class MergeSql {

    private MergeSql() {
    }

    /** Locks both rows (in id order: two merges cannot deadlock) and checks the loser is still at {@code loserVersion}. */
    static void lockBoth(JdbcClient jdbc, String table, String entity, long survivorId, long loserId,
                         long loserVersion) {
        Map<Long, Long> versions = jdbc.sql("select id, version from " + table
                        + " where id in (:s, :l) order by id for update")
                .param("s", survivorId).param("l", loserId)
                .query((rs, n) -> Map.entry(rs.getLong("id"), rs.getLong("version"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (!versions.containsKey(survivorId)) {
            throw new NotFoundException(entity, survivorId);
        }
        if (!versions.containsKey(loserId)) {
            throw new NotFoundException(entity, loserId);
        }
        if (versions.get(loserId) != loserVersion) {
            throw new StaleEditException(entity, loserVersion, versions.get(loserId));
        }
    }

    /** The table's columns that can be written (generated ones, such as sort_name, are computed again). */
    static String writableColumns(JdbcClient jdbc, String table) {
        return jdbc.sql("""
                        select string_agg(quote_ident(column_name), ', ' order by ordinal_position)
                          from information_schema.columns
                         where table_schema = current_schema() and table_name = :t and is_generated = 'NEVER'
                        """)
                .param("t", table).query(String.class).single();
    }

    /** How many rows of each table moved in the merge. */
    static Map<String, Integer> movedRows(JdbcClient jdbc, String table, long mergeId) {
        Map<String, Integer> moved = new LinkedHashMap<>();
        jdbc.sql("select table_name, count(*) n from " + table + "_merge_row where merge_id = :m "
                        + "group by table_name order by table_name")
                .param("m", mergeId)
                .query((rs, n) -> moved.put(rs.getString("table_name"), rs.getInt("n"))).list();
        return moved;
    }

    /** A page of a duplicates list read with one row more than {@code limit}: that row says whether more follow. */
    static <T> Slice<T, PairCursor> page(List<T> rows, int limit, Function<T, PairCursor> cursor) {
        boolean more = rows.size() > limit;
        List<T> page = more ? rows.subList(0, limit) : rows;
        return new Slice<>(List.copyOf(page), more ? cursor.apply(page.getLast()) : null);
    }

    /** The user says the two are not duplicates: the pair leaves the list and the refresh does not list it again. */
    static void dismiss(JdbcClient jdbc, String table, long oneId, long otherId, long actorId, Instant at) {
        long first = Math.min(oneId, otherId);
        long second = Math.max(oneId, otherId);
        jdbc.sql("insert into " + table + "_duplicate_dismissed (first_id, second_id, dismissed_by, dismissed_at) "
                        + "select :first, :second, :actor, :at "
                        + "where exists (select 1 from " + table + " where id = :first) "
                        + "and exists (select 1 from " + table + " where id = :second) on conflict do nothing")
                .param("first", first).param("second", second).param("actor", actorId)
                .param("at", Timestamp.from(at)).update();
        jdbc.sql("delete from " + table + "_duplicate where first_id = :first and second_id = :second")
                .param("first", first).param("second", second).update();
    }
}
