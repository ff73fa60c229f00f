package org.relationcrm.pipeline;

import java.math.BigDecimal;
import java.time.Instant;

/** A deal signed lately, handed from sales to the order desk (ADV): what was sold, to whom, by whom, when. */
public record WonDealRow(long id, String title, long companyId, String companyName, BigDecimal amount,
                         String currency, String ownerName, Instant closedAt) {
}
