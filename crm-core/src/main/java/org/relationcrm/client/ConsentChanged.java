package org.relationcrm.client;

import java.time.Instant;

/**
 * A person's consent was recorded or changed: on creation ({@code before} is null) or on an edit that changed at
 * least one channel. Published in the transaction of the change, so whoever keeps the history writes it with it.
 *
 * @param recordedBy the user who recorded it, null when no user did (an import or a system task)
 */
public record ConsentChanged(long contactId, Consent before, Consent after, ConsentSource source, Long recordedBy,
                             Instant at) {

    public ConsentChanged {
        java.util.Objects.requireNonNull(after, "after");
        java.util.Objects.requireNonNull(source, "source");
        java.util.Objects.requireNonNull(at, "at");
    }
}
