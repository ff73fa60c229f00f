package org.relationcrm.shared;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * What became of the items of one action on several at once. Each item is either applied, or left exactly as it
 * is, for one reason the user is told: it {@code changed} since they saw it (edited, done or gone meanwhile), they
 * may not act on it ({@code refused}), or the action does not apply to that kind of item ({@code kept}).
 */
public record BulkOutcome(int applied, int changed, int refused, int kept) {

    public static final BulkOutcome NONE = new BulkOutcome(0, 0, 0, 0);

    /** Every item left as it is because the action does not apply to it. */
    public static BulkOutcome kept(int items) {
        return new BulkOutcome(0, 0, 0, items);
    }

    public BulkOutcome plus(BulkOutcome other) {
        return new BulkOutcome(applied + other.applied, changed + other.changed, refused + other.refused,
                kept + other.kept);
    }

    /** How many items the action was asked for. */
    public int total() {
        return applied + changed + refused + kept;
    }

    /**
     * Applies {@code action} to each selected record found ({@code loaded}, read in one statement) that is still
     * as the user saw it ({@code version}) and still open to it ({@code live}), when {@code allowed}.
     */
    public static <T> BulkOutcome apply(Collection<ItemRef> items, List<T> loaded, Function<T, Long> id,
                                        ToLongFunction<T> version, Predicate<T> live, Predicate<T> allowed,
                                        Consumer<T> action) {
        Map<Long, T> found = loaded.stream().collect(Collectors.toMap(id, Function.identity()));
        int applied = 0;
        int changed = 0;
        int refused = 0;
        for (ItemRef item : items) {
            T record = found.get(item.id());
            if (record == null || version.applyAsLong(record) != item.version() || !live.test(record)) {
                changed++;
            } else if (!allowed.test(record)) {
                refused++;
            } else {
                action.accept(record);
                applied++;
            }
        }
        return new BulkOutcome(applied, changed, refused, 0);
    }

    /** The ids to read. */
    public static List<Long> ids(Collection<ItemRef> items) {
        return items.stream().map(ItemRef::id).toList();
    }
}
