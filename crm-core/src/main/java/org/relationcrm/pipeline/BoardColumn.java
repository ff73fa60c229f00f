package org.relationcrm.pipeline;

import java.math.BigDecimal;
import java.util.List;

/**
 * One column of the board: its count and totals over every matching deal (computed by PostgreSQL), and its first
 * cards; {@code next} is the keyset cursor of the following cards, null when there are none.
 */
public record BoardColumn(Stage stage, long count, BigDecimal amount, BigDecimal weighted, List<OpportunityRow> cards,
                          String next) {

    public boolean hasMore() {
        return next != null;
    }

    /** Won and lost: the deals closed in the board's period, folded at the end of the board. */
    public boolean isClosed() {
        return !stage.isOpen();
    }
}
