package org.relationcrm.order.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.relationcrm.order.CancelReason;
import org.relationcrm.order.Order;

/** Cancelling an order: a reason, and in words if need be. */
record CancelForm(@NotNull CancelReason reason, @Size(max = Order.MAX_NOTE) String note, @NotNull Long version) {
}
