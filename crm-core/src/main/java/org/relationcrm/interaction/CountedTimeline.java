package org.relationcrm.interaction;

import org.relationcrm.shared.Slice;

/**
 * A timeline's first page with the count of what its filter lets through ({@link TimelineQueries#count}): what a
 * page showing the timeline asks for at once.
 */
public record CountedTimeline(Slice<TimelineEntry, TimelineCursor> page, long count) {
}
