package org.relationcrm.feedback;

import org.relationcrm.shared.ListSort;
import org.relationcrm.shared.SortColumn;

/** The columns the at-risk list sorts by. */
public enum RiskSort implements SortColumn {
    CLIENT,
    SCORE,
    /** By the owner's name, then the client's. */
    OWNER;

    @Override
    public Key key() {
        return this == SCORE ? Key.NUMBER : Key.TEXT;
    }

    /** The riskiest first. */
    public static ListSort<RiskSort> byDefault() {
        return new ListSort<>(SCORE, true);
    }
}
