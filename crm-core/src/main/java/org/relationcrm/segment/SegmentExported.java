package org.relationcrm.segment;

/**
 * A segment's people were exported to a file (CSV): which segment and how many people. Published once the file is
 * written, outside any transaction (the export streams in a read-only one); the audit log records it.
 */
public record SegmentExported(long segmentId, String segmentName, long rows) {
}
