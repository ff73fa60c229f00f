package org.relationcrm.pipeline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/** What is written about a deal (not its stage, next step or concessions, which have their own actions). */
public record OpportunityDetails(
        String title,
        BigDecimal amount,
        String currency,
        Integer probability,
        LocalDate expectedCloseOn,
        long ownerId,
        OpportunitySource source,
        Set<Long> contactIds,
        Set<Long> productLineIds) {

    public OpportunityDetails {
        contactIds = contactIds == null ? Set.of() : Set.copyOf(contactIds);
        productLineIds = productLineIds == null ? Set.of() : Set.copyOf(productLineIds);
    }
}
