package org.relationcrm.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.relationcrm.interaction.TimelineEventType;
import org.relationcrm.interaction.TimelineEventType.Arg;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;

class OrderTests {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);
    static final Actor ADV = new Actor(5, Role.ADV, Department.ADV);

    static OrderDetails details(List<OrderDetails.Line> lines) {
        return new OrderDetails(null, null, MARCH_2, "EUR", PaymentTerms.NET_45_END_OF_MONTH, MARCH_2.plusDays(10),
                lines);
    }

    static Order placed() {
        return Order.place(123, 1, details(List.of(
                new OrderDetails.Line(10L, 3, new BigDecimal("100"), new BigDecimal("10")),
                new OrderDetails.Line(11L, 1, new BigDecimal("49.99"), null))), 5, NOW);
    }

    @Test
    void aNewOrderIsReceivedWithAReadableNumberAndItsTotalFromItsLines() {
        Order order = placed();
        assertThat(order.number()).isEqualTo("CMD-2026-000123");
        assertThat(order.status()).isEqualTo(OrderStatus.RECEIVED);
        // 3 × 100 less 10 % + 49.99
        assertThat(order.total()).isEqualByComparingTo("319.99");
    }

    @Test
    void anOrderNeedsLinesAndAPromiseNotBeforeItsDate() {
        assertThatThrownBy(() -> Order.place(1, 1, new OrderDetails(null, null, MARCH_2, "EUR", PaymentTerms.NET_30,
                MARCH_2.minusDays(1), List.of()), 5, NOW))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.broken())
                        .extracting(RuleViolation.Broken::field).contains("promisedOn", "lines"));
        assertThatThrownBy(() -> Order.place(1, 1, details(List.of(
                new OrderDetails.Line(10L, 0, BigDecimal.TEN, null))), 5, NOW)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> Order.place(1, 1, details(List.of(
                new OrderDetails.Line(10L, 1, BigDecimal.TEN, new BigDecimal("120")))), 5, NOW))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void statusesMoveOnlyInTheirOrderEachWithItsDate() {
        Order order = placed();
        assertThatThrownBy(() -> order.ship(MARCH_2)).isInstanceOf(IllegalStateException.class);
        order.confirm();
        assertThatThrownBy(() -> order.ship(MARCH_2.minusDays(1))).isInstanceOf(RuleViolation.class);
        order.ship(MARCH_2.plusDays(2));
        assertThatThrownBy(() -> order.revise(details(List.of()))).isInstanceOf(IllegalStateException.class);
        order.deliver(MARCH_2.plusDays(15), "Palette abîmée");
        assertThat(order.lateDays(MARCH_2.plusDays(40))).isEqualTo(5);
        assertThat(order.deliveryIncident()).isEqualTo("Palette abîmée");
        assertThatThrownBy(() -> order.cancel(CancelReason.CLIENT_REQUEST, null))
                .isInstanceOf(IllegalStateException.class);
        order.invoice(LocalDate.of(2026, 3, 20));
        // 45 days end of month: 4 May, then the end of May
        assertThat(order.invoiceDueOn()).isEqualTo(LocalDate.of(2026, 5, 31));
        assertThat(order.invoiceNumber()).isEqualTo("FAC-2026-000123");
        assertThat(order.outstanding()).isEqualByComparingTo("319.99");
        assertThat(order.overdueDays(LocalDate.of(2026, 6, 3))).isEqualTo(3);
        order.markPaid(LocalDate.of(2026, 6, 3));
        assertThat(order.outstanding()).isZero();
        assertThat(order.status().next()).isEmpty();
    }

    @Test
    void anOrderNotYetDeliveredIsLateOnceItsPromisedDateIsPast() {
        Order order = placed();
        order.confirm();
        assertThat(order.lateDays(MARCH_2.plusDays(10))).isZero();
        assertThat(order.lateDays(MARCH_2.plusDays(13))).isEqualTo(3);
    }

    @Test
    void cancellingNeedsAReason() {
        Order order = placed();
        assertThatThrownBy(() -> order.cancel(null, "doublon")).isInstanceOf(RuleViolation.class);
        order.cancel(CancelReason.DUPLICATE, "Saisie deux fois");
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.lateDays(MARCH_2.plusDays(30))).isZero();
    }

    /** The event the service publishes for the order's status now (the order unsaved here: id 1). */
    static OrderStatusChanged changed(Order order, long lateDays) {
        return new OrderStatusChanged(1, order.companyId(), null, order.number(), order.status(), order.total(),
                order.currency(), lateDays, order.cancelReason(), null, ADV);
    }

    @Test
    void eachStatusIsATypedEventOnTheTimeline() {
        Order order = placed();
        order.confirm();
        order.ship(MARCH_2);
        order.deliver(MARCH_2.plusDays(12), null);
        var late = changed(order, order.lateDays(MARCH_2)).timelineEvent();
        assertThat(late.type()).isEqualTo(TimelineEventType.ORDER_DELIVERED_LATE);
        assertThat(late.args()).containsEntry(Arg.NUMBER, "CMD-2026-000123").containsEntry(Arg.LATE_DAYS, "2");
        order.invoice(MARCH_2.plusDays(12));
        var invoiced = changed(order, 0).timelineEvent();
        assertThat(invoiced.type()).isEqualTo(TimelineEventType.ORDER_INVOICED);
        assertThat(invoiced.args()).containsEntry(Arg.AMOUNT, "319.99").containsEntry(Arg.CURRENCY, "EUR");
    }
}
