package org.relationcrm.dataimport;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An import as it stands, read from its row: the file (its layout, headers and size in rows), the mapping, and the
 * progress the background run commits with each batch.
 */
public record ImportJob(long id, long ownerId, ImportKind kind, String fileName, String fileRef, CsvLayout layout,
                        List<String> headers, long totalRows, ColumnMapping mapping, ImportState state,
                        long rowsDone, long rowsRejected, long rowsCreated, long rowsUpdated, long likelyDuplicates,
                        Instant createdAt, Instant startedAt, Instant finishedAt, long version) {

    /** Rows done out of the total, 0 to 100. */
    public int percent() {
        if (state == ImportState.DONE) {
            return 100;
        }
        return totalRows == 0 ? 0 : (int) Math.min(100, rowsDone * 100 / totalRows);
    }

    /** Time left at the pace so far; null before the first batch or once finished. */
    public Duration timeLeft(Instant now) {
        if (state != ImportState.RUNNING || startedAt == null || rowsDone == 0 || rowsDone >= totalRows) {
            return null;
        }
        long elapsed = Math.max(0, Duration.between(startedAt, now).toMillis());
        return Duration.ofMillis(elapsed * (totalRows - rowsDone) / rowsDone);
    }
}
