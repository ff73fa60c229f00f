package org.relationcrm.insight;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * The KPIs of one period, from its facts (summed by PostgreSQL). One rule per figure, stated here and in the
 * messages' definitions; a figure without its denominator (no customer at the start, no answer) is null, shown "—".
 */
public record KpiValues(Map<Kpi, Double> values, MonthFacts facts, StockAtStart atStart, int months) {

    public static KpiValues of(MonthFacts facts, StockAtStart atStart, int months, ComplaintTimes complaints,
                               Double reached90Days) {
        Map<Kpi, Double> v = new EnumMap<>(Kpi.class);
        long answers = facts.npsAnswers();
        put(v, Kpi.NPS, answers == 0 ? null : 100.0 * (facts.promoters() - facts.detractors()) / answers);
        put(v, Kpi.CSAT, ratio(facts.csatSum(), facts.csatAnswers()));
        put(v, Kpi.CES, ratio(facts.cesSum(), facts.cesAnswers()));
        put(v, Kpi.SURVEY_RESPONSE_RATE, ratio(facts.npsAnswers() + facts.csatAnswers() + facts.cesAnswers(),
                facts.npsSent() + facts.csatSent() + facts.cesSent()));
        long customers = atStart.customers();
        Double churn = ratio(facts.lost(), customers);
        put(v, Kpi.CHURN_RATE, churn);
        put(v, Kpi.RETENTION_RATE, churn == null ? null : 1 - churn);
        if (complaints != null) {
            put(v, Kpi.RESOLUTION_TIME, complaints.meanHours());
            put(v, Kpi.FIRST_RESPONSE_TIME, complaints.meanFirstResponseHours());
        }
        put(v, Kpi.CONVERSION_RATE, ratio(facts.prospectsWon(), atStart.prospects()));
        put(v, Kpi.WIN_RATE, ratio(facts.dealsWon(), facts.dealsWon() + facts.dealsLost()));
        // LTV: revenue per customer per month × expected lifetime in months (1 / monthly churn)
        Double revenuePerCustomerMonth = customers == 0 ? null
                : facts.revenue().doubleValue() / customers / months;
        Double monthlyChurn = churn == null ? null : churn / months;
        Double ltv = revenuePerCustomerMonth == null || monthlyChurn == null || monthlyChurn == 0 ? null
                : revenuePerCustomerMonth / monthlyChurn;
        put(v, Kpi.LTV, ltv);
        Double cac = cac(facts.acquisitionCost(), facts.newCustomers());
        put(v, Kpi.CAC, cac);
        put(v, Kpi.LTV_CAC, ltv == null || cac == null || cac == 0 ? null : ltv / cac);
        put(v, Kpi.INTERACTIONS_PER_CUSTOMER, customers == 0 ? null
                : (double) facts.customerExchanges() / customers / months);
        put(v, Kpi.REACHED_90_DAYS, reached90Days);
        return new KpiValues(v, facts, atStart, months);
    }

    /** The acquisition cost per new customer: null without a cost or without a new customer. */
    static Double cac(BigDecimal cost, long newCustomers) {
        return newCustomers == 0 || cost.signum() == 0 ? null : cost.doubleValue() / newCustomers;
    }

    /**
     * The same values with the CAC (and LTV / CAC) over the customers acquired through one channel, for a filter
     * on that channel: its costs divided by the customers it brought, not by every new customer.
     */
    public KpiValues withCacOver(long acquiredCustomers) {
        Map<Kpi, Double> v = new EnumMap<>(Kpi.class);
        v.putAll(values);
        v.remove(Kpi.CAC);
        v.remove(Kpi.LTV_CAC);
        Double cac = cac(facts.acquisitionCost(), acquiredCustomers);
        Double ltv = values.get(Kpi.LTV);
        put(v, Kpi.CAC, cac);
        put(v, Kpi.LTV_CAC, ltv == null || cac == null || cac == 0 ? null : ltv / cac);
        return new KpiValues(v, facts, atStart, months);
    }

    private static void put(Map<Kpi, Double> values, Kpi kpi, Double value) {
        if (value != null && !value.isNaN() && !value.isInfinite()) {
            values.put(kpi, value);
        }
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /** The value, or null when it has no denominator. */
    public Double get(Kpi kpi) {
        return values.get(kpi);
    }

    /** The revenue of the period. */
    public BigDecimal revenue() {
        return facts.revenue();
    }
}
