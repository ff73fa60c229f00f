package org.relationcrm.shared;

/** The direction of a sorted list, as the URL says it ({@code dir=ASC} or {@code dir=DESC}). */
public enum SortDirection {
    ASC, DESC
}
