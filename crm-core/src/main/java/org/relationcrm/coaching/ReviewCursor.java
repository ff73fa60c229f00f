package org.relationcrm.coaching;

import java.time.Instant;

/** Where the next page of reviews starts: after this review, newest first. */
public record ReviewCursor(Instant reviewedAt, long id) {
}
