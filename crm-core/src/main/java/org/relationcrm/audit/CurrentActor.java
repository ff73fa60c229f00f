package org.relationcrm.audit;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Who is acting on this thread, for the audit: the actor set by {@link #runAs} (a background job working for a
 * user, such as an import), otherwise the one an {@link ActorSource} knows (the signed-in user of the request).
 * The persistence layer hands it to PostgreSQL once per writing transaction, where the change-history triggers read
 * it ({@code audit.persistence.ActorOnFirstWrite}).
 */
@Component
public class CurrentActor {

    private static final ThreadLocal<AuditActor> ACTING = new ThreadLocal<>();

    private final List<ActorSource> sources;

    public CurrentActor(ObjectProvider<ActorSource> sources) {
        this.sources = sources.orderedStream().toList();
    }

    public Optional<AuditActor> get() {
        AuditActor acting = ACTING.get();
        if (acting != null) {
            return Optional.of(acting);
        }
        for (ActorSource source : sources) {
            Optional<AuditActor> actor = source.current();
            if (actor.isPresent()) {
                return actor;
            }
        }
        return Optional.empty();
    }

    /** Runs {@code work} on this thread as {@code actor}: its writes are recorded as theirs. */
    public static <T> T runAs(AuditActor actor, Supplier<T> work) {
        AuditActor before = ACTING.get();
        ACTING.set(actor);
        try {
            return work.get();
        } finally {
            if (before == null) {
                ACTING.remove();
            } else {
                ACTING.set(before);
            }
        }
    }

    /** Runs {@code work} on this thread as {@code actor}: its writes are recorded as theirs. */
    public static void runAs(AuditActor actor, Runnable work) {
        runAs(actor, () -> {
            work.run();
            return null;
        });
    }
}
