package org.relationcrm.client;

import org.relationcrm.shared.ListSort;
import org.relationcrm.shared.SortColumn;

/** The columns the clients list sorts by (main contact and completeness are read per row, not sortable). */
public enum ClientSort implements SortColumn {
    NAME(false, Key.TEXT),
    CITY(false, Key.TEXT),
    /** In the lifecycle's order: prospect, customer, former customer. */
    STATUS(false, Key.NUMBER),
    /** By the owner's name, then the client's. */
    OWNER(false, Key.TEXT),
    LAST_INTERACTION(true, Key.INSTANT);

    private final boolean descendingFirst;
    private final Key key;

    ClientSort(boolean descendingFirst, Key key) {
        this.descendingFirst = descendingFirst;
        this.key = key;
    }

    @Override
    public boolean descendingFirst() {
        return descendingFirst;
    }

    @Override
    public Key key() {
        return key;
    }

    /** By name, A to Z: the list as it always opened. */
    public static ListSort<ClientSort> byDefault() {
        return new ListSort<>(NAME, false);
    }
}
