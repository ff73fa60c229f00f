package org.relationcrm.shared;

/**
 * How a list is sorted: one of its whitelisted columns and a direction, kept in the URL ({@code sort=CITY&dir=DESC})
 * with the list's filters. Rows without a value in the column come last in both directions; ties are broken by id,
 * so that a page cursor (a {@link SortCursor}) always knows where the next page starts.
 */
public record ListSort<C extends Enum<C> & SortColumn>(C column, boolean descending) {

    public ListSort {
        if (column == null) {
            throw new IllegalArgumentException("a sort needs a column");
        }
    }

    /** The sort the URL asks for; without a column, the list's default; without a direction, the column's own. */
    public static <C extends Enum<C> & SortColumn> ListSort<C> of(C column, SortDirection direction,
                                                                   ListSort<C> fallback) {
        if (column == null) {
            return direction == null ? fallback : new ListSort<>(fallback.column(), direction == SortDirection.DESC);
        }
        return new ListSort<>(column, direction == null ? column.descendingFirst() : direction == SortDirection.DESC);
    }

    public SortDirection direction() {
        return descending ? SortDirection.DESC : SortDirection.ASC;
    }

    /** Whether the list is sorted by the column of this name. */
    public boolean isOn(String columnName) {
        return column.name().equals(columnName);
    }

    /** The {@code aria-sort} of a column's header: ascending or descending on the sorted column, none elsewhere. */
    public String ariaSort(String columnName) {
        if (!isOn(columnName)) {
            return "none";
        }
        return descending ? "descending" : "ascending";
    }

    /**
     * The direction a click on a column's header asks for: the other one on the sorted column, the column's own first
     * direction elsewhere.
     */
    public SortDirection directionOnClick(String columnName) {
        if (isOn(columnName)) {
            return descending ? SortDirection.ASC : SortDirection.DESC;
        }
        C other = Enum.valueOf(column.getDeclaringClass(), columnName);
        return other.descendingFirst() ? SortDirection.DESC : SortDirection.ASC;
    }

    /** The name a page cursor carries, so that a cursor of one sort is not read as one of another. */
    public String code() {
        return column.name() + "-" + direction();
    }
}
