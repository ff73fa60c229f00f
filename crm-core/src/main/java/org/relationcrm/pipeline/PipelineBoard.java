package org.relationcrm.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;

import org.relationcrm.shared.NotFoundException;
import org.relationcrm.shared.ReadModel;

/**
 * The kanban board: the four open stages, then the deals won and lost this month (in the company's time zone).
 * Every deal is reachable: each column pages on with a keyset cursor.
 */
@Service
@ReadModel
public class PipelineBoard {

    public static final int CARDS_PER_PAGE = 20;

    private final BoardQueries queries;
    private final Clock clock;

    public PipelineBoard(BoardQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    public List<BoardColumn> columns(BoardFilter filter) {
        return queries.board(filter, closedSince(), CARDS_PER_PAGE);
    }

    /** The columns' counts and totals without their cards: what a move changes. */
    public List<BoardColumn> totals(BoardFilter filter) {
        return queries.board(filter, closedSince(), 0);
    }

    public BoardPage column(BoardFilter filter, Stage stage, String after) {
        return queries.column(filter, stage, closedSince(), after, CARDS_PER_PAGE);
    }

    public OpportunityRow card(long id) {
        return queries.card(id).orElseThrow(() -> new NotFoundException("Opportunity", id));
    }

    /** The first day of the board's period for won and lost deals: the first of this month. */
    public LocalDate periodStart() {
        return LocalDate.now(clock).withDayOfMonth(1);
    }

    private Instant closedSince() {
        return periodStart().atStartOfDay(clock.getZone()).toInstant();
    }
}
