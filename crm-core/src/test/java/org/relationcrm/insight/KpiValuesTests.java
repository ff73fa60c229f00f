package org.relationcrm.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

class KpiValuesTests {

    private static MonthFacts facts(long lost, long newCustomers, String revenue, String cost) {
        return new MonthFacts(LocalDate.of(2026, 1, 1), 0, 0, lost, newCustomers, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, new BigDecimal(revenue), new BigDecimal(cost));
    }

    @Test
    void ltvIsRevenuePerCustomerMonthTimesTheLifetimeFromTheMonthlyChurn() {
        // a quarter: 10 customers, 3 lost → churn 30 %, 10 % a month → 10 months; 6 000 / 10 / 3 = 200 a month
        KpiValues v = KpiValues.of(facts(3, 4, "6000", "1000"), new StockAtStart(10, 0), 3, null, null);
        assertThat(v.get(Kpi.CHURN_RATE)).isCloseTo(0.3, within(1e-9));
        assertThat(v.get(Kpi.LTV)).isCloseTo(2000.0, within(1e-9));
        assertThat(v.get(Kpi.CAC)).isCloseTo(250.0, within(1e-9));
        assertThat(v.get(Kpi.LTV_CAC)).isCloseTo(8.0, within(1e-9));
    }

    @Test
    void withoutChurnOrCustomersTheFiguresAreMissingNotInfinite() {
        KpiValues v = KpiValues.of(facts(0, 0, "6000", "0"), new StockAtStart(10, 0), 1, null, null);
        assertThat(v.get(Kpi.CHURN_RATE)).isZero();
        assertThat(v.get(Kpi.LTV)).isNull();
        assertThat(v.get(Kpi.CAC)).isNull();
        assertThat(KpiValues.of(facts(0, 0, "0", "0"), new StockAtStart(0, 0), 1, null, null).get(Kpi.CHURN_RATE))
                .isNull();
    }

    @Test
    void aQuarterHoldsItsMonthAndThePreviousQuarterComesBefore() {
        Period q = Period.of(PeriodKind.QUARTER, YearMonth.of(2026, 5));
        assertThat(q.start()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(q.end()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(q.previous().start()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(Period.of(PeriodKind.YEAR, YearMonth.of(2026, 5)).monthStarts()).hasSize(12);
    }

    @Test
    void aFigureMovedTheGoodWayWhenItRoseAndHigherIsBetter() {
        assertThat(new KpiFigure(Kpi.NPS, 40.0, 30.0).better()).isTrue();
        assertThat(new KpiFigure(Kpi.CHURN_RATE, 0.3, 0.2).better()).isFalse();
        assertThat(new KpiFigure(Kpi.CHURN_RATE, 0.2, 0.2).better()).isNull();
        assertThat(new KpiFigure(Kpi.CHURN_RATE, 0.2, null).change()).isNull();
    }
}
