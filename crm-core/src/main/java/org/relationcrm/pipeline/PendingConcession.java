package org.relationcrm.pipeline;

import java.math.BigDecimal;
import java.time.Instant;

/** A discount above the threshold waiting for a manager, with what the manager needs to decide. */
public record PendingConcession(long concessionId, long opportunityId, String opportunityTitle, long companyId,
                                String companyName, BigDecimal dealAmount, String currency, ConcessionType type,
                                ValueKind valueKind, BigDecimal value, BigDecimal moneyValue, Counterpart counterpart,
                                String counterpartDetail, String grantedByName, Instant grantedAt) {
}
