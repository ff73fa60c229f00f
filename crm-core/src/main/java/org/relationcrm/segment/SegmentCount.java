package org.relationcrm.segment;

/** How many clients a segment keeps, and how many of their people. */
public record SegmentCount(long companies, long people) {
}
