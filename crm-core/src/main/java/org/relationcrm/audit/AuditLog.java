package org.relationcrm.audit;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.relationcrm.shared.ReadModel;
import org.relationcrm.shared.Slice;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;

/**
 * The audit log: sign-ins and failed ones, sign-outs, exports, imports, role changes, personal data exported or
 * anonymised. Any module records what it did with {@link #record(AuditAction, String, Map)} (the signed-in user,
 * or the one set by {@link CurrentActor#runAs}) or {@link #record(AuditActor, AuditAction, String, Map)}: in the
 * caller's transaction when there is one, so an action rolled back leaves no line. Details are a few named values
 * ({@code rows}, {@code file}…), shown with labels from the messages ({@code audit.detail.<name>}), never free text
 * naming a person beyond the subject.
 */
@Service
public class AuditLog {

    /** Entries per page of the administrator's log. */
    public static final int PAGE_SIZE = 50;
    /** Longest subject kept. */
    public static final int MAX_SUBJECT = 200;

    private final AuditLogStore store;
    private final CurrentActor currentActor;
    private final Clock clock;

    public AuditLog(AuditLogStore store, CurrentActor currentActor, Clock clock) {
        this.store = store;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** Records an action of the current actor (the signed-in user; "system" when nobody is acting). */
    @Transactional
    public void record(AuditAction action, String subject, Map<String, ?> details) {
        record(currentActor.get().orElse(new AuditActor(null, "system", null)), action, subject, details);
    }

    /** Records an action of {@code who}. */
    @Transactional
    public void record(AuditActor who, AuditAction action, String subject, Map<String, ?> details) {
        String cut = subject == null || subject.length() <= MAX_SUBJECT ? subject : subject.substring(0, MAX_SUBJECT);
        store.add(new AuditEntry(0, clock.instant(), who.userId(), who.name(), action, cut,
                texts(details), who.address()));
    }

    /** A page of the log, newest first; for whoever may {@link Permission#VIEW_AUDIT_LOG}. */
    @ReadModel
    public Slice<AuditEntry, AuditCursor> entries(AuditFilter filter, AuditCursor before, Actor actor) {
        actor.require(Permission.VIEW_AUDIT_LOG);
        return store.page(filter, before, PAGE_SIZE);
    }

    private static Map<String, String> texts(Map<String, ?> details) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (details != null) {
            details.forEach((key, value) -> texts.put(key, value == null ? null : String.valueOf(value)));
        }
        return texts;
    }
}
