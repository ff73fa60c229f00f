package org.relationcrm.interaction;

import java.time.Instant;
import java.util.Optional;

import org.relationcrm.shared.Slice;

/** Reads timelines page by page with a keyset, newest first; never a whole history at once. */
public interface TimelineQueries {

    Slice<TimelineEntry, TimelineCursor> page(TimelineScope scope, TimelineFilter filter, TimelineCursor before, int size);

    /**
     * How many entries the filter lets through. A company's whole history is counted exactly (the count is kept as
     * entries are inserted); otherwise counting stops at {@code cap}: {@code cap + 1} means "more than {@code cap}",
     * so the cost stays bounded whatever the client's size.
     */
    long count(TimelineScope scope, TimelineFilter filter, int cap);

    /** The first page and its {@link #count}, which a store may read in one statement. */
    default CountedTimeline firstPageCounted(TimelineScope scope, TimelineFilter filter, int size, int cap) {
        return new CountedTimeline(page(scope, filter, null, size), count(scope, filter, cap));
    }

    /** The date of the most recent interaction in scope, if any. */
    Optional<Instant> lastInteractionAt(TimelineScope scope);
}
