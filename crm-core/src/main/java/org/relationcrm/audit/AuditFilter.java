package org.relationcrm.audit;

import java.time.Instant;

/**
 * What the audit log page asks for: an action (null: all), a username (exact, case ignored; null: everyone), and
 * a period {@code [from, to)} (either end null: open).
 */
public record AuditFilter(AuditAction action, String user, Instant from, Instant to) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null);

    public AuditFilter {
        user = user == null || user.isBlank() ? null : user.strip();
    }
}
