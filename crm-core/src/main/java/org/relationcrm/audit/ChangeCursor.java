package org.relationcrm.audit;

import java.time.Instant;

/** Where the next page of a record's history starts: older than this change. */
public record ChangeCursor(Instant at, long id) {
}
