package org.relationcrm.quality;

import java.time.Instant;
import java.util.Set;

import org.relationcrm.client.CompanyDetails;

/**
 * A merge as kept for its undo: the two ids, the loser's details and the survivor's before the merge, which fields
 * took the loser's value, who merged and when, and whether it was undone.
 */
public record MergeRecord(long id, long survivorId, long loserId, String loserName, CompanyDetails loserDetails,
                          CompanyDetails survivorBefore, Set<MergeField> fromLoser, long mergedBy, String mergedByName,
                          Instant mergedAt, Instant undoneAt) {

    public boolean undone() {
        return undoneAt != null;
    }
}
