package org.relationcrm.quality;

import java.util.List;

/**
 * Two people of one company (named, null for private customers) that look like one person, with why and a score
 * (0-100) computed by PostgreSQL; {@code firstId < secondId}. Each person comes with what tells them apart on the page
 * (their email, else their job title).
 */
public record PersonPair(long firstId, String firstName, String firstDetail, long secondId, String secondName,
                         String secondDetail, Long companyId, String companyName, int score,
                         List<PersonDuplicateReason> reasons) {

    public PersonPair {
        reasons = List.copyOf(reasons);
    }

    public PairCursor cursor() {
        return new PairCursor(score, firstId, secondId);
    }
}
