package org.relationcrm.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The board's read side, each answer one SQL statement whatever the number of deals. Open columns are sorted by
 * expected close date, closed ones (deals closed since {@code closedSince}) by closing time, newest first; both are
 * paged with keyset cursors (opaque strings, refused with an {@link IllegalArgumentException} when malformed).
 * Implemented in crm-persistence.
 */
public interface BoardQueries {

    /** The six columns in stage order, with their totals and at most {@code perColumn} cards each. */
    List<BoardColumn> board(BoardFilter filter, Instant closedSince, int perColumn);

    /** The cards of one column after {@code after} (from the start when null). */
    BoardPage column(BoardFilter filter, Stage stage, Instant closedSince, String after, int size);

    /** One card, as the board shows it. */
    Optional<OpportunityRow> card(long id);
}
