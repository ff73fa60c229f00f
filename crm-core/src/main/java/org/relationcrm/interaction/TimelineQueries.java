package org.relationcrm.interaction;

import java.time.Instant;
import java.util.Optional;

import org.relationcrm.shared.Slice;

/** Reads timelines page by page with a keyset, newest first; never a whole history at once. */
public interface TimelineQueries {

    Slice<TimelineEntry, TimelineCursor> page(TimelineScope scope, TimelineFilter filter, TimelineCursor before, int size);

    /** The date of the most recent interaction in scope, if any. */
    Optional<Instant> lastInteractionAt(TimelineScope scope);
}
