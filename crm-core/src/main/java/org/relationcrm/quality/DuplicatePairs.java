package org.relationcrm.quality;

import java.time.Instant;

import org.relationcrm.shared.Slice;

/**
 * The "possible duplicates" list, kept in a table (company_duplicate, V59) that {@link #refresh} fills by blocking
 * (same SIREN, same phone, same city and name start) so that no page compares every pair. Implemented in SQL.
 */
public interface DuplicatePairs {

    /** Finds every pair again; returns how many there are. */
    int refresh(Instant at);

    /** A page of pairs, strongest first, after the cursor (null: the first page). */
    Slice<DuplicatePair, PairCursor> page(PairCursor after, int limit);

    /** The user says the two are different companies: the pair leaves the list and does not come back. */
    void dismiss(long oneId, long otherId, long actorId, Instant at);
}
