package org.relationcrm.quality;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Moves every row that points at a person (the interactions they took part in, hence their next steps and the calls
 * planned from segments' call lists; deals and meeting preparations they attend; complaints, surveys, won deals,
 * orders; the private customers' read model) from the loser to the survivor, keeping what moved for the undo. One
 * SQL adapter in crm-persistence; a test there checks that every foreign key to {@code contact} is handled.
 */
public interface PersonMergeStore {

    /**
     * Locks both people, checks the loser is still at {@code loserVersion} (else {@link
     * org.relationcrm.shared.StaleEditException}), records the merge, moves every row and deletes the loser (its
     * primary-contact flag passes to the survivor). Returns the merge's id.
     */
    long merge(long survivorId, long loserId, long loserVersion, Set<PersonField> fromLoser, long actorId, Instant at);

    Optional<PersonMergeRecord> find(long mergeId);

    /**
     * Puts the loser back with its id, its details and its rows (those still at the survivor), in the survivor's
     * company, gives both their primary-contact flags back, and marks the merge undone.
     */
    void undo(long mergeId, long actorId, Instant at);

    /** The survivor of the merge in force whose loser was {@code contactId}: where its old address leads. */
    Optional<Long> survivorOf(long contactId);

    /** The merges made since {@code since}, newest first, at most {@code limit}. */
    List<PersonMergeRecord> recent(Instant since, int limit);

    /** How many rows of each table moved in this merge. */
    Map<String, Integer> movedRows(long mergeId);
}
