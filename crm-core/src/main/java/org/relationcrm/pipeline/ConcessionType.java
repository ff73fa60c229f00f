package org.relationcrm.pipeline;

/** What a negotiator gave away. */
public enum ConcessionType {
    DISCOUNT, PAYMENT_TERMS, FREE_SERVICE, DELIVERY, EXTENDED_WARRANTY, OTHER
}
