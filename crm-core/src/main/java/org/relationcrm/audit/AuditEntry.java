package org.relationcrm.audit;

import java.time.Instant;
import java.util.Map;

/** One line of the audit log: when, who (and from which address), what, on what, with which details. */
public record AuditEntry(long id, Instant at, Long actorId, String actor, AuditAction action, String subject,
                         Map<String, String> details, String address) {
}
