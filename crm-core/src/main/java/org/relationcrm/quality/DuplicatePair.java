package org.relationcrm.quality;

import java.util.List;

import org.relationcrm.client.DuplicateReason;

/** Two companies that look like one, with why and a score (0-100) computed by PostgreSQL; {@code firstId < secondId}. */
public record DuplicatePair(long firstId, String firstName, String firstCity, long secondId, String secondName,
                            String secondCity, int score, List<DuplicateReason> reasons) {

    public DuplicatePair {
        reasons = List.copyOf(reasons);
    }

    public PairCursor cursor() {
        return new PairCursor(score, firstId, secondId);
    }
}
