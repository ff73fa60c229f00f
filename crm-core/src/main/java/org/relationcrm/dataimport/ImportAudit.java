package org.relationcrm.dataimport;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.relationcrm.audit.AuditAction;
import org.relationcrm.audit.AuditLog;

/**
 * Imports and list exports go in the audit log, in the transaction that records them, as the user who ran them (the
 * import's worker runs as its owner: {@link ImportRunner}).
 */
@Component
class ImportAudit {

    private final AuditLog log;

    ImportAudit(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void on(ImportFinished finished) {
        log.record(AuditAction.IMPORT, "#" + finished.jobId(), Map.of("kind", finished.kind().name(),
                "state", finished.state().name(), "rows", finished.rowsDone(), "rejected", finished.rowsRejected()));
    }

    @EventListener
    void on(ListExported export) {
        log.record(AuditAction.EXPORT, export.what(), Map.of("rows", export.rows()));
    }
}
