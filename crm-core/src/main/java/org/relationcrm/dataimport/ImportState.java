package org.relationcrm.dataimport;

/**
 * Where an import stands. UPLOADED: mapped and previewed, not started; QUEUED then RUNNING in the background; DONE
 * (every row either written or rejected); FAILED (stopped by an error that was not a row's); INTERRUPTED (the
 * application stopped while it ran: the rows committed so far are kept, the file can be imported again and its rows
 * already written are updated, not duplicated).
 */
public enum ImportState {
    UPLOADED, QUEUED, RUNNING, DONE, FAILED, INTERRUPTED;

    public boolean finished() {
        return this == DONE || this == FAILED || this == INTERRUPTED;
    }

    public boolean active() {
        return this == QUEUED || this == RUNNING;
    }
}
