package org.relationcrm.quality;

import java.time.Instant;
import java.util.Set;

import org.relationcrm.client.ContactDetails;

/**
 * A merge of two people as kept for its undo: the two ids and their company (null: private customers), the loser's
 * details and the survivor's before the merge (and whether it was its company's primary contact), which fields took the loser's value, who merged and when, and whether
 * it was undone.
 */
public record PersonMergeRecord(long id, long survivorId, long loserId, Long companyId, String loserName,
                                ContactDetails loserDetails, ContactDetails survivorBefore, boolean survivorWasPrimary,
                                Set<PersonField> fromLoser,
                                long mergedBy, String mergedByName, Instant mergedAt, Instant undoneAt) {

    public boolean undone() {
        return undoneAt != null;
    }
}
