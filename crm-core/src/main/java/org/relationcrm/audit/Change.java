package org.relationcrm.audit;

import java.time.Instant;
import java.util.List;

/**
 * One write to a record: when, by whom (the user's current name, or the name recorded then; null for a write
 * made by no user), created, changed or deleted, and for a change each field's old and new value.
 */
public record Change(long id, Instant at, Long actorId, String actorName, Operation operation, List<FieldChange> fields) {

    public enum Operation { INSERT, UPDATE, DELETE }

    /**
     * A column's value before and after, as PostgreSQL's JSON gives it in text (a date {@code 2026-12-03}, an
     * instant in ISO-8601 with its offset, an amount {@code 1200.50}, {@code true}); both null when the value is
     * not kept (a password, or values forgotten by {@link ChangeHistory#forgetValues}).
     */
    public record FieldChange(String column, String oldValue, String newValue) {

        public boolean hidden() {
            return oldValue == null && newValue == null;
        }
    }
}
