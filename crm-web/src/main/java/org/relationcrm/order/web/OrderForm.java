package org.relationcrm.order.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.format.annotation.DateTimeFormat;

import org.relationcrm.order.Order;
import org.relationcrm.order.OrderDetails;
import org.relationcrm.order.PaymentTerms;
import org.relationcrm.pipeline.Opportunity;
import org.relationcrm.shared.SaneDate;

/**
 * An order as the browser sends it: its lines by index ({@code lines[0].quantity}), blank ones ignored. The form
 * always offers a few blank lines, so a line is added without JavaScript.
 */
record OrderForm(
        Long contactId,
        Long opportunityId,
        @NotNull @SaneDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate orderedOn,
        @Pattern(regexp = "\\s*|[A-Z]{3}", message = "{order.currency.invalid}") String currency,
        @NotNull PaymentTerms paymentTerms,
        @NotNull @SaneDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate promisedOn,
        List<@Valid LineRow> lines,
        Long version) {

    /** Blank lines offered below those filled in. */
    static final int BLANK_LINES = 2;
    static final int MIN_LINES = 3;

    record LineRow(Long productLineId,
                   @Min(value = 1, message = "{order.line.quantity.range}")
                   @Max(value = Order.MAX_QUANTITY, message = "{order.line.quantity.range}") Integer quantity,
                   @DecimalMin(value = "0", message = "{order.line.unitPrice.range}")
                   @DecimalMax(value = "100000000", message = "{order.line.unitPrice.range}") BigDecimal unitPrice,
                   @DecimalMin(value = "0", message = "{order.line.discount.range}")
                   @DecimalMax(value = "100", message = "{order.line.discount.range}") BigDecimal discountPercent) {

        boolean isBlank() {
            return productLineId == null && quantity == null && unitPrice == null;
        }
    }

    OrderForm {
        // rows are sent by index: a gap leaves null rows, which are blank ones
        lines = lines == null ? new ArrayList<>() : new ArrayList<>(lines.stream()
                .map(row -> row == null ? new LineRow(null, null, null, null) : row).toList());
    }

    /** A new order, dated today, to deliver in two weeks, paid at 30 days. */
    static OrderForm blank(LocalDate today, Long contactId) {
        return new OrderForm(contactId, null, today, "EUR", PaymentTerms.NET_30, today.plusDays(14),
                padded(List.of()), null);
    }

    /**
     * The order of a won deal: its person, its currency, and one line per product line of the deal, its amount
     * shared between them (the first takes the cents left over), quantity 1, no discount (the deal's amount is
     * already the price agreed).
     */
    static OrderForm ofDeal(Opportunity deal, LocalDate today, Long contactId) {
        List<LineRow> rows = new ArrayList<>();
        List<Long> lineIds = deal.productLineIds().stream().sorted().toList();
        if (lineIds.isEmpty()) {
            rows.add(new LineRow(null, 1, deal.amount(), BigDecimal.ZERO));
        } else {
            BigDecimal share = deal.amount().divide(BigDecimal.valueOf(lineIds.size()), 2, RoundingMode.DOWN);
            BigDecimal rest = deal.amount().subtract(share.multiply(BigDecimal.valueOf(lineIds.size())));
            for (int i = 0; i < lineIds.size(); i++) {
                rows.add(new LineRow(lineIds.get(i), 1, i == 0 ? share.add(rest) : share, BigDecimal.ZERO));
            }
        }
        return new OrderForm(contactId, deal.id(), today, deal.currency(), PaymentTerms.NET_30, today.plusDays(14),
                padded(rows), null);
    }

    static OrderForm of(Order order) {
        OrderDetails d = order.details();
        List<LineRow> rows = d.lines().stream().map(l -> new LineRow(l.productLineId(), l.quantity(), l.unitPrice(),
                l.discountPercent())).toList();
        return new OrderForm(d.contactId(), d.opportunityId(), d.orderedOn(), d.currency(), d.paymentTerms(),
                d.promisedOn(), padded(rows), order.version());
    }

    /**
     * Blank lines again below those typed, added to this form's own list (after an error, so the user can still add
     * one): the form stays the object its errors are bound to, its rows keep their indexes.
     */
    OrderForm padded() {
        long filled = lines.stream().filter(r -> !r.isBlank()).count();
        while (lines.size() < Math.max(MIN_LINES, filled + BLANK_LINES)) {
            lines.add(new LineRow(null, null, null, null));
        }
        return this;
    }

    static List<LineRow> padded(List<LineRow> rows) {
        List<LineRow> all = new ArrayList<>(rows);
        while (all.size() < Math.max(MIN_LINES, rows.size() + BLANK_LINES)) {
            all.add(new LineRow(null, null, null, null));
        }
        return all;
    }

    OrderDetails toDetails() {
        return new OrderDetails(contactId, opportunityId, orderedOn, currency, paymentTerms, promisedOn,
                lines.stream().filter(r -> !r.isBlank()).map(r -> new OrderDetails.Line(r.productLineId(),
                        r.quantity(), r.unitPrice(), r.discountPercent())).toList());
    }
}
