package org.relationcrm.pipeline;

import java.util.List;

/** The next cards of one column, after a keyset cursor; {@code next} is null on the last page. */
public record BoardPage(Stage stage, List<OpportunityRow> cards, String next) {

    public boolean hasMore() {
        return next != null;
    }
}
