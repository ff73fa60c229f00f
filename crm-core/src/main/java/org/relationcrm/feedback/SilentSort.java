package org.relationcrm.feedback;

import org.relationcrm.shared.ListSort;
import org.relationcrm.shared.SortColumn;

/**
 * The columns the silent-clients list sorts by. {@code SILENCE} is the length of the silence: descending, the
 * longest first (its key is the moment the silence started, the earliest first).
 */
public enum SilentSort implements SortColumn {
    CLIENT,
    SILENCE,
    LAST_EXCHANGE,
    LAST_SIGNATURE,
    /** By the owner's name, then the client's. */
    OWNER;

    @Override
    public Key key() {
        return switch (this) {
            case CLIENT, OWNER -> Key.TEXT;
            case SILENCE, LAST_EXCHANGE -> Key.INSTANT;
            case LAST_SIGNATURE -> Key.DATE;
        };
    }

    /** The longest silence first. */
    public static ListSort<SilentSort> byDefault() {
        return new ListSort<>(SILENCE, true);
    }
}
