package org.relationcrm.feedback;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/** A deal the pipeline just won, as feedback needs it: care plan, NPS, products held, churn signals. */
public record WonDeal(long opportunityId, long companyId, Long contactId, long ownerId, BigDecimal amount,
                      LocalDate wonOn, Set<Long> productLineIds) {

    public WonDeal {
        productLineIds = productLineIds == null ? Set.of() : Set.copyOf(productLineIds);
        amount = amount == null ? BigDecimal.ZERO : amount;
    }
}
