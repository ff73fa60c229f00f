package org.relationcrm.pipeline;

import java.math.BigDecimal;
import java.util.List;

/** One stage of the board: its totals over every matching deal, and the first cards by close date. */
public record BoardColumn(Stage stage, long count, BigDecimal amount, BigDecimal weighted, List<OpportunityRow> cards) {

    public boolean hasMore() {
        return count > cards.size();
    }
}
