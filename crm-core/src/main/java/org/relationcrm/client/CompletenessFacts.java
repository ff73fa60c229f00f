package org.relationcrm.client;

import java.time.Instant;

/**
 * What the completeness score looks at, read in one go with the company (no extra query per row).
 * The "main contact" is the primary contact, or the first one created. {@code clientSince}: when the record was
 * entered (a client entered yesterday is not "without recent interaction").
 */
public record CompletenessFacts(
        boolean hasSector,
        boolean hasCity,
        boolean hasLegalId,
        boolean hasWebsite,
        boolean hasContact,
        boolean mainContactHasEmail,
        boolean mainContactHasPhone,
        boolean mainContactHasPreferredChannel,
        Instant lastInteractionAt,
        Instant clientSince) {
}
