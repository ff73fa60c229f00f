package org.relationcrm.shared;

/**
 * A column a list may be sorted by: the lists name theirs in an enum (the whitelist), and the SQL adapter maps each
 * to an indexed expression. Nothing typed by a user reaches the SQL but the choice of one of these constants.
 */
public interface SortColumn {

    /** What the sort key of a column is, so that a page cursor's key is checked before it reaches the database. */
    enum Key {
        TEXT, NUMBER, INSTANT, DATE
    }

    Key key();

    /** Whether a first click on the column sorts it descending: numbers and dates show the highest or latest first. */
    default boolean descendingFirst() {
        return key() != Key.TEXT;
    }

    String name();
}
