package org.relationcrm.order.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import org.relationcrm.order.Order;
import org.relationcrm.order.OrderStatus;
import org.relationcrm.shared.SaneDate;

/** One move of an order: to which status, on which date, and for a delivery what went wrong. */
record StepForm(@NotNull OrderStatus to,
                @SaneDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                @Size(max = Order.MAX_NOTE) String incident,
                @NotNull Long version) {
}
