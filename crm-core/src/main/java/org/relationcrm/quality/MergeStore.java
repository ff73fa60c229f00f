package org.relationcrm.quality;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Moves every row that points at a company (people, interactions and timeline events, deals, meeting preparations,
 * complaints, surveys, won deals, held product lines, orders, requests, and the per-company read models) from the
 * loser to the survivor, keeping what moved for the undo. One SQL adapter in crm-persistence; a test there checks
 * that every foreign key to {@code company} in the schema is handled, so a feature added later cannot be forgotten.
 */
public interface MergeStore {

    /**
     * Locks both companies, checks the loser is still at {@code loserVersion} (else {@link
     * org.relationcrm.shared.StaleEditException}), records the merge, moves every row and deletes the loser.
     * Returns the merge's id.
     */
    long merge(long survivorId, long loserId, long loserVersion, Set<MergeField> fromLoser, long actorId, Instant at);

    Optional<MergeRecord> find(long mergeId);

    /** Puts the loser back with its id and its rows (those still at the survivor), and marks the merge undone. */
    void undo(long mergeId, long actorId, Instant at);

    /** The survivor of the merge in force whose loser was {@code companyId}: where its old address leads. */
    Optional<Long> survivorOf(long companyId);

    /** The merges made since {@code since}, newest first, at most {@code limit}. */
    List<MergeRecord> recent(Instant since, int limit);

    /** How many rows of each table moved in this merge (what the page says, what tests check). */
    Map<String, Integer> movedRows(long mergeId);
}
