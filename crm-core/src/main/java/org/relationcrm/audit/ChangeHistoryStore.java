package org.relationcrm.audit;

import java.util.Collection;
import java.util.Map;

import org.relationcrm.shared.Slice;

/** The change_history table (filled by triggers, migration V70); implemented in audit.persistence. */
public interface ChangeHistoryStore {

    /** The record's changes newest first, older than {@code before} (null: from the newest), at most {@code size}. */
    Slice<Change, ChangeCursor> page(RecordKind kind, long recordId, ChangeCursor before, int size);

    /** Blanks the old and new values of every change of the record; returns how many changes were touched. */
    int forgetValues(RecordKind kind, long recordId);

    /** The full names of these users, by id (those that exist). */
    Map<Long, String> userNames(Collection<Long> ids);
}
