package org.relationcrm.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.postgresql.copy.CopyIn;
import org.postgresql.util.ByteStreamWriter;

/** Takes COPY rows without a database: keeps them per table (or only counts them) so tests can read them. */
final class RecordingCopyTarget implements CopyTarget {

    private final boolean keep;
    private final Map<String, ByteArrayOutputStream> content = new LinkedHashMap<>();
    private final Map<String, long[]> counts = new LinkedHashMap<>();

    RecordingCopyTarget(boolean keep) {
        this.keep = keep;
    }

    @Override
    public CopyIn copyIn(String sql) {
        String table = sql.split(" ")[1];
        return new Sink(table);
    }

    /** Each row of the table, split into its columns (COPY text form: \N for null). */
    List<String[]> rows(String table) {
        List<String[]> rows = new ArrayList<>();
        ByteArrayOutputStream bytes = content.get(table);
        if (bytes == null) {
            return rows;
        }
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }

    long rowCount(String table) {
        return counts.getOrDefault(table, new long[2])[0];
    }

    long byteCount(String table) {
        return counts.getOrDefault(table, new long[2])[1];
    }

    private final class Sink implements CopyIn {
        private final String table;
        private boolean active = true;
        private long rows;

        Sink(String table) {
            this.table = table;
        }

        @Override
        public void writeToCopy(byte[] buf, int off, int siz) {
            long[] c = counts.computeIfAbsent(table, t -> new long[2]);
            for (int i = off; i < off + siz; i++) {
                if (buf[i] == '\n') {
                    rows++;
                    c[0]++;
                }
            }
            c[1] += siz;
            if (keep) {
                content.computeIfAbsent(table, t -> new ByteArrayOutputStream()).write(buf, off, siz);
            }
        }

        @Override
        public void writeToCopy(ByteStreamWriter from) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void flushCopy() {
        }

        @Override
        public long endCopy() {
            active = false;
            return rows;
        }

        @Override
        public int getFieldCount() {
            return 0;
        }

        @Override
        public int getFormat() {
            return 0;
        }

        @Override
        public int getFieldFormat(int field) {
            return 0;
        }

        @Override
        public boolean isActive() {
            return active;
        }

        @Override
        public void cancelCopy() {
            active = false;
        }

        @Override
        public long getHandledRowCount() {
            return rows;
        }
    }
}
