package org.relationcrm.demo;

import java.sql.SQLException;
import java.time.Duration;

import org.postgresql.copy.CopyIn;

/**
 * Streams a parent table with COPY while spooling the rows of a child table that refer to it (interaction and
 * interaction_contact, contact and contact_important_date). A connection runs one COPY at a time, so every
 * {@code chunkRows} parent rows the parent COPY ends, the spooled child rows are copied, and a new parent COPY
 * starts: memory holds at most one chunk of child rows, and foreign keys are satisfied even when they are checked.
 */
final class ParentChildCopy {

    private final CopyTarget copy;
    private final String parentSql;
    private final String childSql;
    private final int chunkRows;
    private final CopyBuffer parent = new CopyBuffer(1 << 17);
    private final CopyBuffer child = new CopyBuffer(1 << 20);
    private CopyIn parentCopy;
    private CopyIn childCopy;
    private long parentRows;
    private long childRows;
    private long childNanos;
    private long started;
    private long finished;

    ParentChildCopy(CopyTarget copy, String parentSql, String childSql, int chunkRows) {
        this.copy = copy;
        this.parentSql = parentSql;
        this.childSql = childSql;
        this.chunkRows = chunkRows;
    }

    void start() throws SQLException {
        started = System.nanoTime();
        openParent();
    }

    CopyBuffer parent() {
        return parent;
    }

    CopyBuffer child() {
        return child;
    }

    /** Call after each parent row (and its children) is written. */
    void rowDone() throws SQLException {
        if (parent.rows() >= chunkRows) {
            flushChunk();
            openParent();
        }
    }

    void finish() throws SQLException {
        flushChunk();
        finished = System.nanoTime();
    }

    void cancel() {
        for (CopyIn in : new CopyIn[] {parentCopy, childCopy}) {
            try {
                if (in != null && in.isActive()) {
                    in.cancelCopy();
                }
            } catch (SQLException ignored) {
                // the transaction is rolled back anyway
            }
        }
        parent.discard();
        child.discard();
    }

    long parentRows() {
        return parentRows;
    }

    long childRows() {
        return childRows;
    }

    /** Time spent on the parent table: generating every row and streaming the parent's. */
    Duration parentTime() {
        return Duration.ofNanos(finished - started - childNanos);
    }

    /** Time spent copying the spooled child rows. */
    Duration childTime() {
        return Duration.ofNanos(childNanos);
    }

    private void openParent() throws SQLException {
        parentCopy = copy.copyIn(parentSql);
        parent.bind(parentCopy);
    }

    private void flushChunk() throws SQLException {
        parentRows += parent.finish();
        parentCopy = null;
        if (!child.isEmpty()) {
            long t = System.nanoTime();
            childCopy = copy.copyIn(childSql);
            child.drainTo(childCopy);
            childRows += childCopy.endCopy();
            childCopy = null;
            childNanos += System.nanoTime() - t;
        }
    }
}
