package org.relationcrm.client;

import java.time.Instant;

/**
 * What the completeness score looks at, read in one go with the company (no extra query per row).
 * The "main contact" is the primary contact, or the first one created.
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
        Instant lastInteractionAt) {
}
