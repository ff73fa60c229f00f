package org.relationcrm.shared.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.relationcrm.shared.SortColumn;
import org.relationcrm.shared.SortCursor;

/**
 * The SQL of a keyset page of a list sorted by one column, in either direction, with the rows that have no value in
 * the column last either way. The list's rows come from <em>segments</em>: the rows of one kind (a list may mix
 * companies and people) with a value, ordered by the value then the id, or without one, ordered by the id; each
 * segment is one indexed, limited SELECT, and the page is their UNION ALL in the list's order:
 * <pre>
 *   sort_empty, sort_key DIR, kind_rank DIR, id DIR
 * </pre>
 * A segment gets the condition that keeps what comes after the cursor, or is left out when all of it comes before.
 * Every segment selects the same columns, named alike (the id {@code id}), then {@code sort_key},
 * {@code sort_empty} and {@code kind_rank}. Nothing a user typed is in the SQL: the keys are the adapters' expressions, the
 * cursor's values are parameters ({@code :afterKey}, {@code :afterId}).
 */
public final class SortedPage {

    /** Where a segment's rows stand against the cursor. */
    public enum Position {
        /** All of them come after it (or there is no cursor). */
        ALL_AFTER,
        /** All of them come before it: the segment is left out. */
        ALL_BEFORE,
        /** Rows of a kind ranked after the cursor's: those whose key is at least the cursor's. */
        KEY_AT_LEAST,
        /** Rows of a kind ranked before the cursor's: those whose key is beyond the cursor's. */
        KEY_BEYOND,
        /** Rows of the cursor's kind and emptiness: those beyond it by key then id (by id without a value). */
        KEY_AND_ID_BEYOND
    }

    /**
     * One segment: {@code columns} selected {@code from} (the FROM and WHERE clauses, with the list's filters),
     * {@code key} the indexed expression sorted on (none for the rows without a value), {@code id} the expression
     * of the row's id. A segment that needs SQL of its own shape gives {@code custom} instead: the whole SELECT,
     * in parentheses, for the segment's position (never called for {@link Position#ALL_BEFORE}).
     */
    public record Segment(int kindRank, boolean empty, String columns, String from, String key, String id,
                          Function<Position, String> custom) {

        public static Segment withValue(int kindRank, String columns, String from, String key, String id) {
            return new Segment(kindRank, false, columns, from, key, id, null);
        }

        public static Segment withoutValue(int kindRank, String columns, String from, String id) {
            return new Segment(kindRank, true, columns, from, null, id, null);
        }

        public static Segment custom(int kindRank, boolean empty, Function<Position, String> sql) {
            return new Segment(kindRank, empty, null, null, null, null, sql);
        }
    }

    private final SortColumn.Key type;
    private final boolean descending;
    private final SortCursor after;

    /** A page sorted on a key of this kind, in this direction (the key's), after the cursor (null: the first page). */
    public SortedPage(SortColumn.Key type, boolean descending, SortCursor after) {
        this.type = type;
        this.descending = descending;
        this.after = after;
    }

    /**
     * The UNION ALL of the segments that may hold rows after the cursor, each limited to {@code :limit} rows. A
     * cursor that none of them can follow was not written for this list: a bad link.
     */
    public String union(List<Segment> segments) {
        List<String> parts = new ArrayList<>();
        for (Segment segment : segments) {
            Position position = position(segment.kindRank(), segment.empty());
            if (position == Position.ALL_BEFORE) {
                continue;
            }
            if (segment.custom() != null) {
                parts.add(segment.custom().apply(position));
                continue;
            }
            String key = segment.empty() ? "null::" + sqlType() : segment.key();
            String order = segment.empty() ? segment.id() + dir() : segment.key() + dir() + ", " + segment.id() + dir();
            parts.add("(select " + segment.columns() + ", " + key + " sort_key, " + (segment.empty() ? 1 : 0)
                    + " sort_empty, " + segment.kindRank() + " kind_rank\n " + segment.from() + " and "
                    + condition(position, segment.key(), segment.id()) + "\n order by " + order + " limit :limit)");
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("invalid page cursor");
        }
        return String.join("\nunion all\n", parts);
    }

    /** " desc" or nothing. */
    public String dir() {
        return descending ? " desc" : "";
    }

    /** The comparison that means "beyond" in the list's direction. */
    public String beyond() {
        return descending ? "<" : ">";
    }

    /** The cursor's key ("" without a cursor or a value), for segments that split it. */
    public String afterKey() {
        return after == null || after.empty() ? "" : after.key();
    }

    /** The condition on {@code key} and {@code id} that keeps the rows of a segment at this position. */
    public String condition(Position position, String key, String id) {
        return switch (position) {
            case ALL_AFTER -> "true";
            case ALL_BEFORE -> "false";
            case KEY_AT_LEAST -> key + " " + beyond() + "= :afterKey";
            case KEY_BEYOND -> key + " " + beyond() + " :afterKey";
            case KEY_AND_ID_BEYOND -> key == null ? id + " " + beyond() + " :afterId"
                    : "(" + key + ", " + id + ") " + beyond() + " (:afterKey, :afterId)";
        };
    }

    /** The list's order, on the columns of {@link #union}: an ORDER BY list (without the words). */
    public String order(String alias) {
        String a = alias == null || alias.isEmpty() ? "" : alias + ".";
        String collation = type == SortColumn.Key.TEXT ? " collate \"C\"" : ""; // the byte order of the indexes
        return a + "sort_empty, " + a + "sort_key" + collation + dir() + ", " + a + "kind_rank" + dir() + ", " + a + "id" + dir();
    }

    /** Binds the cursor's values, when there is a cursor. */
    public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        if (after == null) {
            return statement;
        }
        statement = statement.param("afterId", after.id());
        if (!after.empty()) {
            statement = statement.param("afterKey", bound(after.key()));
        }
        return statement;
    }

    /** The cursor of the row the result set is on (a row of {@link #union}). */
    public SortCursor cursorAt(ResultSet rs, String sortCode) throws SQLException {
        boolean empty = rs.getInt("sort_empty") == 1;
        return new SortCursor(sortCode, empty, empty ? "" : read(rs), String.valueOf(rs.getInt("kind_rank")),
                rs.getLong("id"));
    }

    /** Where the rows of a segment (a kind, with or without a value) stand against the cursor. */
    Position position(int kindRank, boolean empty) {
        if (after == null) {
            return Position.ALL_AFTER;
        }
        if (empty != after.empty()) {
            // rows without a value come after every row with one
            return empty ? Position.ALL_AFTER : Position.ALL_BEFORE;
        }
        int cursorRank = kindRank(after.kind());
        int byKind = descending ? cursorRank - kindRank : kindRank - cursorRank;
        if (byKind == 0) {
            return Position.KEY_AND_ID_BEYOND;
        }
        if (empty) {
            return byKind > 0 ? Position.ALL_AFTER : Position.ALL_BEFORE;
        }
        return byKind > 0 ? Position.KEY_AT_LEAST : Position.KEY_BEYOND;
    }

    private String sqlType() {
        return switch (type) {
            case TEXT -> "text";
            case NUMBER -> "bigint";
            case INSTANT -> "timestamptz";
            case DATE -> "date";
        };
    }

    /** The value of the {@code sort_key} column as a cursor carries it. */
    private String read(ResultSet rs) throws SQLException {
        return switch (type) {
            case TEXT -> rs.getString("sort_key");
            case NUMBER -> String.valueOf(rs.getLong("sort_key"));
            case INSTANT -> rs.getTimestamp("sort_key").toInstant().toString();
            case DATE -> rs.getDate("sort_key").toLocalDate().toString();
        };
    }

    /** The cursor's key as a parameter ({@link SortCursor#decode} checked that it is of the key's kind). */
    private Object bound(String key) {
        return switch (type) {
            case TEXT -> key;
            case NUMBER -> Long.parseLong(key);
            case INSTANT -> Timestamp.from(Instant.parse(key));
            case DATE -> Date.valueOf(LocalDate.parse(key));
        };
    }

    /** A cursor carries the rank of its row's kind (ranked from 0 by the callers). */
    private static int kindRank(String kind) {
        try {
            return kind.isEmpty() ? 0 : Integer.parseInt(kind);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid page cursor");
        }
    }
}
