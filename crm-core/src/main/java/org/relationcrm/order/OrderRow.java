package org.relationcrm.order;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An order as lists show it. {@code lateDays}: days its delivery is past the promised date (delivered late, or
 * not delivered yet and already late); {@code overdueDays}: days its invoice is past due (0 when paid or not due).
 */
public record OrderRow(long id, String number, long companyId, String companyName, LocalDate orderedOn,
                       BigDecimal total, String currency, OrderStatus status, LocalDate promisedOn,
                       LocalDate deliveredOn, LocalDate invoiceDueOn, int lateDays, int overdueDays) {

    public boolean late() {
        return lateDays > 0;
    }

    public boolean overdue() {
        return overdueDays > 0;
    }
}
