package org.relationcrm.shared;

import java.util.List;

/**
 * One page of a keyset-paginated list: the rows and the cursor of the next page (null on the last page).
 * No total count: counting a large table on every page view is what makes CRMs slow.
 */
public record Slice<T, C>(List<T> rows, C next) {

    public boolean hasNext() {
        return next != null;
    }
}
