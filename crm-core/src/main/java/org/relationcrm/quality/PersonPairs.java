package org.relationcrm.quality;

import java.time.Instant;

import org.relationcrm.shared.Slice;

/**
 * The possible duplicate people, kept in a table (contact_duplicate, V84) that {@link #refresh} fills by blocking
 * inside each company (same email, same phone, same folded name, same name start) so that no page compares every
 * pair. Implemented in SQL.
 */
public interface PersonPairs {

    /** Finds every pair again; returns how many there are. */
    int refresh(Instant at);

    /** A page of pairs, strongest first, after the cursor (null: the first page). */
    Slice<PersonPair, PairCursor> page(PairCursor after, int limit);

    /** The user says the two are different people: the pair leaves the list and does not come back. */
    void dismiss(long oneId, long otherId, long actorId, Instant at);
}
