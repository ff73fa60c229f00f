package org.relationcrm.insight;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What happened in one month for the filter's clients, as PostgreSQL added it up from the rollups: status flows,
 * survey answers, exchanges, deals, orders, acquisition costs. {@code customersNet} and {@code prospectsNet} are
 * the month's change in the number of customers and prospects (the stock at a month's start is the sum before it).
 */
public record MonthFacts(LocalDate month, long customersNet, long prospectsNet, long lost, long newCustomers,
                         long prospectsWon, long npsSent, long npsAnswers, long promoters, long detractors,
                         long csatSent, long csatAnswers, long csatSum, long cesSent, long cesAnswers, long cesSum,
                         long customerExchanges, long dealsWon, long dealsLost, long orders, BigDecimal revenue,
                         BigDecimal acquisitionCost) {

    public static MonthFacts empty(LocalDate month) {
        return new MonthFacts(month, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO,
                BigDecimal.ZERO);
    }

    /** The sum of two months' facts (for a quarter or a year), dated {@code month}. */
    public MonthFacts plus(MonthFacts o) {
        return new MonthFacts(month, customersNet + o.customersNet, prospectsNet + o.prospectsNet, lost + o.lost,
                newCustomers + o.newCustomers, prospectsWon + o.prospectsWon, npsSent + o.npsSent,
                npsAnswers + o.npsAnswers, promoters + o.promoters, detractors + o.detractors, csatSent + o.csatSent,
                csatAnswers + o.csatAnswers, csatSum + o.csatSum, cesSent + o.cesSent, cesAnswers + o.cesAnswers,
                cesSum + o.cesSum, customerExchanges + o.customerExchanges, dealsWon + o.dealsWon,
                dealsLost + o.dealsLost, orders + o.orders, revenue.add(o.revenue),
                acquisitionCost.add(o.acquisitionCost));
    }
}
