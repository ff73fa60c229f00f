package org.relationcrm.insight;

/** How many of the filter's companies were customers and prospects at the start of a month. */
public record StockAtStart(long customers, long prospects) {
}
