package org.relationcrm.feedback;

import org.relationcrm.shared.ListSort;
import org.relationcrm.shared.SortColumn;

/** The columns the at-risk list sorts by. */
public enum RiskSort implements SortColumn {
    CLIENT(false, Key.TEXT),
    SCORE(true, Key.NUMBER),
    /** By the owner's name, then the client's. */
    OWNER(false, Key.TEXT);

    private final boolean descendingFirst;
    private final Key key;

    RiskSort(boolean descendingFirst, Key key) {
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

    /** The riskiest first. */
    public static ListSort<RiskSort> byDefault() {
        return new ListSort<>(SCORE, true);
    }
}
