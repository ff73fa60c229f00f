package org.relationcrm.api;

import java.util.List;

/** One keyset page: the items in id order, and the last id to continue {@code after} (null on the last page). */
public record ApiPage<T>(List<T> items, Long nextAfter) {

    /** From {@code limit + 1} rows read: the extra one only says that there is more. */
    public static <T> ApiPage<T> of(List<T> rows, int limit, java.util.function.ToLongFunction<T> id) {
        if (rows.size() <= limit) {
            return new ApiPage<>(rows, null);
        }
        List<T> items = List.copyOf(rows.subList(0, limit));
        return new ApiPage<>(items, id.applyAsLong(items.getLast()));
    }
}
