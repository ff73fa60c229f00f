package org.relationcrm.segment;

import java.time.Instant;

/** A segment in the list of those a user may use. */
public record SegmentSummary(long id, String name, boolean shared, long authorId, String authorName,
                             Instant updatedAt) {
}
