package org.relationcrm.demo;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What a generation wrote and how long each table took. Ids are contiguous ranges, so callers can find the rows.
 */
public record GenerationReport(
        long seed,
        IdRange companyIds,
        IdRange contactIds,
        IdRange interactionIds,
        List<TableLoad> tables,
        Duration total,
        boolean constraintsSkipped) {

    public GenerationReport {
        tables = List.copyOf(tables);
    }

    /** Rows written to one table (or time spent in one step, with no rows, like ANALYZE). */
    public record TableLoad(String table, long rows, Duration time) {

        public long rowsPerSecond() {
            long nanos = time.toNanos();
            return nanos == 0 ? 0 : Math.round(rows * 1e9 / nanos);
        }
    }

    /** Ids from {@code first} to {@code last} included; empty when {@code count} is 0. */
    public record IdRange(long first, long count) {

        public long last() {
            return first + count - 1;
        }

        public boolean contains(long id) {
            return id >= first && id < first + count;
        }
    }

    public long rows(String table) {
        return tables.stream().filter(t -> t.table().equals(table)).mapToLong(TableLoad::rows).sum();
    }

    /** A small table for a terminal: rows, seconds and rows per second, table by table, then the total. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-24s %12s %10s %12s%n", "table", "rows", "seconds", "rows/s"));
        long totalRows = 0;
        for (TableLoad load : tables) {
            totalRows += load.rows();
            out.append(String.format(Locale.ROOT, "%-24s %12d %10.1f %12s%n", load.table(), load.rows(),
                    load.time().toMillis() / 1000.0, load.rows() == 0 ? "" : Long.toString(load.rowsPerSecond())));
        }
        double seconds = total.toMillis() / 1000.0;
        out.append(String.format(Locale.ROOT, "%-24s %12d %10.1f %12d%n", "total", totalRows, seconds,
                seconds == 0 ? 0 : Math.round(totalRows / seconds)));
        out.append(constraintsSkipped
                ? "(foreign-key checks and triggers skipped during the load: session_replication_role = replica)"
                : "(loaded with foreign-key checks and triggers: the database user is not a superuser)");
        return out.toString();
    }
}
