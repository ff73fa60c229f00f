package org.relationcrm.client;

import org.relationcrm.shared.ListSort;
import org.relationcrm.shared.SortColumn;

/** The columns the clients list sorts by (main contact and completeness are read per row, not sortable). */
public enum ClientSort implements SortColumn {
    NAME,
    CITY,
    /** In the lifecycle's order: prospect, customer, former customer. */
    STATUS,
    /** By the owner's name, then the client's. */
    OWNER,
    LAST_INTERACTION;

    @Override
    public Key key() {
        return switch (this) {
            case NAME, CITY, OWNER -> Key.TEXT;
            case STATUS -> Key.NUMBER;
            case LAST_INTERACTION -> Key.INSTANT;
        };
    }

    /** By name, A to Z: the list as it always opened. */
    public static ListSort<ClientSort> byDefault() {
        return new ListSort<>(NAME, false);
    }
}
