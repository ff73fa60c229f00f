package org.relationcrm.order;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** When an invoice is due, counted from its date: French business terms. */
public enum PaymentTerms {
    ON_RECEIPT, NET_30, NET_45_END_OF_MONTH, NET_60;

    /** The due date of an invoice issued on {@code invoicedOn}. */
    public LocalDate dueOn(LocalDate invoicedOn) {
        return switch (this) {
            case ON_RECEIPT -> invoicedOn;
            case NET_30 -> invoicedOn.plusDays(30);
            // 45 days, then the end of that month (the usual reading of "45 jours fin de mois")
            case NET_45_END_OF_MONTH -> invoicedOn.plusDays(45).with(TemporalAdjusters.lastDayOfMonth());
            case NET_60 -> invoicedOn.plusDays(60);
        };
    }
}
