package org.relationcrm.privacy;

import java.time.Instant;
import java.util.List;

import org.relationcrm.client.Consent;

/**
 * The privacy page of a person: who they are (or that they were anonymised), their consents and history, and what
 * would refuse their erasure now.
 *
 * @param displayName their full name, null once anonymised
 * @param version     the person's version, sent back with the erasure
 */
public record PersonPrivacy(long personId, long version, String displayName, Long companyId, String companyName,
                            Consent consent, Instant anonymisedAt, List<ConsentHistoryEntry> history,
                            List<LegalHold> holds) {

    public boolean anonymised() {
        return anonymisedAt != null;
    }
}
