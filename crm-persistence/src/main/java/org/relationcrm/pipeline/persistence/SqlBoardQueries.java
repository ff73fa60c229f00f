package org.relationcrm.pipeline.persistence;

import static org.relationcrm.pipeline.persistence.SqlPipelineQueries.OPEN;
import static org.relationcrm.pipeline.persistence.SqlPipelineQueries.ROW;
import static org.relationcrm.pipeline.persistence.SqlPipelineQueries.bind;
import static org.relationcrm.pipeline.persistence.SqlPipelineQueries.ownerCondition;
import static org.relationcrm.pipeline.persistence.SqlPipelineQueries.row;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.relationcrm.pipeline.BoardColumn;
import org.relationcrm.pipeline.BoardFilter;
import org.relationcrm.pipeline.BoardPage;
import org.relationcrm.pipeline.BoardQueries;
import org.relationcrm.pipeline.DashboardFilter;
import org.relationcrm.pipeline.OpportunityRow;
import org.relationcrm.pipeline.Stage;
import org.relationcrm.shared.SaneDates;

/**
 * The board in SQL. Open columns: totals from the open-deals rollup (V7), cards from the open-stage indexes by
 * expected close date. Closed columns: totals and cards from the closed-deals indexes (V27) by closing time.
 * Each column pages on with a keyset ({@code (expected_close_on, id) >} or {@code (closed_at, id) <}), never OFFSET.
 */
@Repository
class SqlBoardQueries implements BoardQueries {

    private static final String CLOSED = "('WON', 'LOST')";

    private final JdbcClient jdbc;

    SqlBoardQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One statement: both kinds of totals, each column's first cards from a short index scan (lateral). */
    @Override
    public List<BoardColumn> board(BoardFilter filter, Instant closedSince, int perColumn) {
        DashboardFilter owners = owners(filter);
        String r = ownerCondition(owners, "r.owner_id");
        String o = ownerCondition(owners, "o.owner_id");
        String sql = """
                with open_totals as (
                    select r.stage, sum(r.deals) n, sum(r.amount) total, round(sum(r.weighted)) weighted
                    from pipeline_open_rollup r where true %1$s
                    group by r.stage having sum(r.deals) > 0
                ), closed_totals as (
                    select o.stage, count(*) n, sum(o.amount) total, 0 weighted
                    from opportunity o where o.stage in %4$s and o.closed_at >= :since %2$s
                    group by o.stage
                )
                select t.stage col_stage, t.n, t.total, t.weighted, x.*
                from open_totals t
                left join lateral (%3$s where o.stage = t.stage and o.stage in %5$s %2$s
                                   order by o.expected_close_on, o.id limit :per) x on true
                union all
                select t.stage, t.n, t.total, t.weighted, x.*
                from closed_totals t
                left join lateral (%3$s where o.stage = t.stage and o.closed_at >= :since %2$s
                                   order by o.closed_at desc, o.id desc limit :per) x on true
                """.formatted(r, o, ROW, CLOSED, OPEN);
        record Line(Stage stage, long n, BigDecimal total, BigDecimal weighted, Card card) {
        }
        List<Line> lines = bind(jdbc.sql(sql), owners)
                .param("since", Timestamp.from(closedSince)).param("per", perColumn)
                .query((rs, i) -> new Line(Stage.valueOf(rs.getString("col_stage")), rs.getLong("n"),
                        rs.getBigDecimal("total"), rs.getBigDecimal("weighted"),
                        rs.getObject("id") == null ? null : card(rs)))
                .list();
        Map<Stage, List<Line>> byStage = new EnumMap<>(Stage.class);
        lines.forEach(l -> byStage.computeIfAbsent(l.stage(), s -> new ArrayList<>()).add(l));
        List<BoardColumn> columns = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            List<Line> column = byStage.getOrDefault(stage, List.of());
            if (column.isEmpty()) {
                columns.add(new BoardColumn(stage, 0, BigDecimal.ZERO, BigDecimal.ZERO, List.of(), null));
                continue;
            }
            Line first = column.getFirst();
            List<Card> cards = column.stream().map(Line::card).filter(c -> c != null)
                    .sorted(order(stage)).toList();
            String next = perColumn > 0 && first.n() > cards.size() ? cards.getLast().cursor() : null;
            columns.add(new BoardColumn(stage, first.n(), first.total(), first.weighted(),
                    cards.stream().map(Card::row).toList(), next));
        }
        return columns;
    }

    @Override
    public BoardPage column(BoardFilter filter, Stage stage, Instant closedSince, String after, int size) {
        DashboardFilter owners = owners(filter);
        String where;
        String order;
        if (stage.isOpen()) {
            where = "o.stage = :stage" + (after == null ? "" : " and (o.expected_close_on, o.id) > (:at, :id)");
            order = "o.expected_close_on, o.id";
        } else {
            where = "o.stage = :stage and o.closed_at >= :since"
                    + (after == null ? "" : " and (o.closed_at, o.id) < (:at, :id)");
            order = "o.closed_at desc, o.id desc";
        }
        var statement = bind(jdbc.sql(ROW + " where " + where + ownerCondition(owners, "o.owner_id")
                + " order by " + order + " limit :limit"), owners)
                .param("stage", stage.name()).param("limit", size + 1);
        if (!stage.isOpen()) {
            statement = statement.param("since", Timestamp.from(closedSince));
        }
        if (after != null) {
            Cursor cursor = Cursor.parse(after, stage);
            statement = statement.param("at", cursor.at()).param("id", cursor.id());
        }
        List<Card> cards = statement.query((rs, i) -> card(rs)).list();
        List<Card> page = cards.subList(0, Math.min(size, cards.size()));
        String next = cards.size() > size ? page.getLast().cursor() : null;
        return new BoardPage(stage, page.stream().map(Card::row).toList(), next);
    }

    @Override
    public Optional<OpportunityRow> card(long id) {
        return jdbc.sql(ROW + " where o.id = :id").param("id", id).query((rs, i) -> row(rs)).optional();
    }

    private static DashboardFilter owners(BoardFilter filter) {
        return new DashboardFilter(LocalDate.EPOCH, LocalDate.EPOCH, filter.ownerId(), filter.team());
    }

    private static Card card(ResultSet rs) throws SQLException {
        Timestamp closedAt = rs.getTimestamp("closed_at");
        return new Card(row(rs), closedAt == null ? null : closedAt.toInstant());
    }

    private static Comparator<Card> order(Stage stage) {
        return stage.isOpen()
                ? Comparator.comparing((Card c) -> c.row().expectedCloseOn()).thenComparingLong(c -> c.row().id())
                : Comparator.comparing(Card::closedAt).thenComparingLong(c -> c.row().id()).reversed();
    }

    /** A card and its closing time, the sort key of the closed columns. */
    private record Card(OpportunityRow row, Instant closedAt) {

        /** Where the next page starts: the sort key and id of this card, "2026-12-31_42" or "2026-12-01T09:30:00.123456Z_42". */
        String cursor() {
            return (closedAt != null ? closedAt.toString() : row.expectedCloseOn().toString()) + "_" + row.id();
        }
    }

    /** A cursor read back from a link: the sort key of its column's kind, then the id. */
    private record Cursor(Object at, long id) {

        static Cursor parse(String value, Stage stage) {
            int cut = value.lastIndexOf('_');
            if (cut <= 0 || value.length() > 64) {
                throw new IllegalArgumentException("not a board cursor: " + value);
            }
            try {
                long id = Long.parseLong(value.substring(cut + 1));
                String key = value.substring(0, cut);
                Object at = stage.isOpen() ? SaneDates.require(LocalDate.parse(key), "after")
                        : Timestamp.from(SaneDates.require(Instant.parse(key), "after"));
                return new Cursor(at, id);
            } catch (NumberFormatException | DateTimeException e) {
                throw new IllegalArgumentException("not a board cursor: " + value, e);
            }
        }
    }
}
