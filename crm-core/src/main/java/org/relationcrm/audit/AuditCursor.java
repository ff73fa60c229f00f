package org.relationcrm.audit;

import java.time.Instant;

/** Where the next page of the audit log starts: older than this entry. */
public record AuditCursor(Instant at, long id) {
}
