package org.relationcrm.order;

/** Why an order was cancelled. */
public enum CancelReason {
    CLIENT_REQUEST, OUT_OF_STOCK, PRICE_DISAGREEMENT, PAYMENT_ISSUE, DUPLICATE, OTHER
}
