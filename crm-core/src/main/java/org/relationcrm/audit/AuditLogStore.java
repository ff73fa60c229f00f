package org.relationcrm.audit;

import org.relationcrm.shared.Slice;

/** The audit_log table (migration V71); implemented in audit.persistence. */
public interface AuditLogStore {

    void add(AuditEntry entry);

    /** The entries matching the filter, newest first, older than {@code before} (null: from the newest). */
    Slice<AuditEntry, AuditCursor> page(AuditFilter filter, AuditCursor before, int size);

}
