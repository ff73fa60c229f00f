package org.relationcrm.audit;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.relationcrm.segment.SegmentExported;
import org.relationcrm.team.UserRightsChanged;

/**
 * Other modules' events that belong in the audit log, recorded as the current actor: an administrator's change of a
 * user's rights (in the change's own transaction: both commit together) and a segment's export.
 */
@Component
class AuditedEvents {

    private final AuditLog log;

    AuditedEvents(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void on(UserRightsChanged change) {
        log.record(AuditAction.ROLE_CHANGED, change.username(), Map.of("user", change.userId()));
    }

    @EventListener
    void on(SegmentExported export) {
        log.record(AuditAction.EXPORT, export.segmentName(), Map.of("segment", export.segmentId(), "rows", export.rows()));
    }
}
