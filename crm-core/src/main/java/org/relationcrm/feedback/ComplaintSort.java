package org.relationcrm.feedback;

import java.util.Objects;

/**
 * How the complaint queue is sorted: by one of its columns, up or down; ties by number, in the same direction. The
 * keys are a closed list (each maps to one SQL expression in crm-persistence), so a sort in a link can never be
 * turned into SQL of someone's choosing.
 */
public record ComplaintSort(Key key, Dir dir) {

    /** The queue's own order: the nearest resolution due date first. */
    public static final ComplaintSort DEFAULT = new ComplaintSort(Key.RESOLUTION, Dir.ASC);

    public ComplaintSort {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(dir, "dir");
    }

    /** A column of the queue. {@code firstDir}: the order a first click asks for (the most severe, the most escalated first). */
    public enum Key {
        CLIENT(Dir.ASC), SUBJECT(Dir.ASC), CATEGORY(Dir.ASC), SEVERITY(Dir.DESC), STATUS(Dir.ASC), OWNER(Dir.ASC),
        FIRST_RESPONSE(Dir.ASC), RESOLUTION(Dir.ASC), ESCALATION(Dir.DESC);

        private final Dir firstDir;

        Key(Dir firstDir) {
            this.firstDir = firstDir;
        }

        public Dir firstDir() {
            return firstDir;
        }
    }

    public enum Dir { ASC, DESC }

    public boolean descending() {
        return dir == Dir.DESC;
    }

    /** The sort a click on {@code column}'s header asks for: the other direction on the current column, else its first. */
    public ComplaintSort clicked(Key column) {
        if (column == key) {
            return new ComplaintSort(key, dir == Dir.ASC ? Dir.DESC : Dir.ASC);
        }
        return new ComplaintSort(column, column.firstDir());
    }
}
