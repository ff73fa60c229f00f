package org.relationcrm.dataimport;

/** A mapping saved under a name by a user, for the next file of the same kind and the same columns. */
public record ImportTemplate(long id, ImportKind kind, String name, ColumnMapping mapping) {

    public static final int MAX_NAME = 100;
}
