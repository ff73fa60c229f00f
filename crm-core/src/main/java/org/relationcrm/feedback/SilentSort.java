package org.relationcrm.feedback;

import org.relationcrm.shared.ListSort;
import org.relationcrm.shared.SortColumn;

/**
 * The columns the silent-clients list sorts by. {@code SILENCE} is the length of the silence: descending, the
 * longest first (its key is the moment the silence started, the earliest first).
 */
public enum SilentSort implements SortColumn {
    CLIENT(false, Key.TEXT),
    SILENCE(true, Key.INSTANT),
    LAST_EXCHANGE(true, Key.INSTANT),
    LAST_SIGNATURE(true, Key.DATE),
    /** By the owner's name, then the client's. */
    OWNER(false, Key.TEXT);

    private final boolean descendingFirst;
    private final Key key;

    SilentSort(boolean descendingFirst, Key key) {
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

    /** The longest silence first. */
    public static ListSort<SilentSort> byDefault() {
        return new ListSort<>(SILENCE, true);
    }
}
