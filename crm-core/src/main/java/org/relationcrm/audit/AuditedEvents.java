package org.relationcrm.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.relationcrm.privacy.LegalHold;
import org.relationcrm.privacy.PersonAnonymisationRefused;
import org.relationcrm.privacy.PersonAnonymised;
import org.relationcrm.privacy.PersonDataExported;
import org.relationcrm.segment.SegmentExported;
import org.relationcrm.team.UserRightsChanged;

/**
 * Other modules' events that belong in the audit log, recorded as the current actor: an administrator's change of a
 * user's rights (in the change's own transaction: both commit together), a segment's export, and a person's data
 * exported, anonymised or refused anonymisation. The subject of a person's entries is their number, never their name
 * (which an erasure removes); an erasure also forgets the values of the person's history of changes.
 */
@Component
class AuditedEvents {

    private final AuditLog log;
    private final ChangeHistory history;

    AuditedEvents(AuditLog log, ChangeHistory history) {
        this.log = log;
        this.history = history;
    }

    @EventListener
    void on(UserRightsChanged change) {
        log.record(AuditAction.ROLE_CHANGED, change.username(), Map.of("user", change.userId()));
    }

    @EventListener
    void on(SegmentExported export) {
        log.record(AuditAction.EXPORT, export.segmentName(), Map.of("segment", export.segmentId(), "rows", export.rows()));
    }

    @EventListener
    void on(PersonDataExported export) {
        log.record(AuditAction.PERSON_DATA_EXPORTED, person(export.personId()),
                Map.of("person", export.personId(), "format", export.format().name()));
    }

    @EventListener
    void on(PersonAnonymised erasure) {
        history.forgetValues(RecordKind.CONTACT, erasure.personId());
        log.record(AuditAction.PERSON_ANONYMISED, person(erasure.personId()), Map.of("person", erasure.personId()));
    }

    @EventListener
    void on(PersonAnonymisationRefused refusal) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("person", refusal.personId());
        for (LegalHold hold : refusal.reasons()) {
            details.putIfAbsent(hold.kind().name(), hold.reference());
        }
        log.record(AuditAction.PERSON_ANONYMISATION_REFUSED, person(refusal.personId()), details);
    }

    private static String person(long id) {
        return "#" + id;
    }
}
