package org.relationcrm.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What ADV types for an order: the person who ordered (optional), the deal it comes from (optional), its date, its
 * currency, payment terms, promised delivery date and lines.
 */
public record OrderDetails(Long contactId, Long opportunityId, LocalDate orderedOn, String currency,
                           PaymentTerms paymentTerms, LocalDate promisedOn, List<Line> lines) {

    public OrderDetails {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** A line as typed: any part may be missing (the aggregate says which). */
    public record Line(Long productLineId, Integer quantity, BigDecimal unitPrice, BigDecimal discountPercent) {
    }
}
