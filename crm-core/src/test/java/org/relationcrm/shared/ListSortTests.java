package org.relationcrm.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.relationcrm.shared.SortCursorTests.Column;

class ListSortTests {

    static final ListSort<Column> DEFAULT = new ListSort<>(Column.SCORE, true);

    @Test
    void withoutAColumnTheListsDefaultWithoutADirectionTheColumnsOwn() {
        assertThat(ListSort.of(null, null, DEFAULT)).isEqualTo(DEFAULT);
        assertThat(ListSort.of(null, SortDirection.ASC, DEFAULT)).isEqualTo(new ListSort<>(Column.SCORE, false));
        assertThat(ListSort.of(Column.NAME, null, DEFAULT)).isEqualTo(new ListSort<>(Column.NAME, false));
        assertThat(ListSort.of(Column.SEEN, null, DEFAULT)).isEqualTo(new ListSort<>(Column.SEEN, true));
        assertThat(ListSort.of(Column.SEEN, SortDirection.ASC, DEFAULT)).isEqualTo(new ListSort<>(Column.SEEN, false));
    }

    @Test
    void theSortedHeaderSaysItsDirectionAndAClickTurnsItTheOtherWay() {
        ListSort<Column> byName = new ListSort<>(Column.NAME, false);

        assertThat(byName.ariaSort("NAME")).isEqualTo("ascending");
        assertThat(byName.ariaSort("SCORE")).isEqualTo("none");
        assertThat(new ListSort<>(Column.NAME, true).ariaSort("NAME")).isEqualTo("descending");
        assertThat(byName.directionOnClick("NAME")).isEqualTo(SortDirection.DESC);
        assertThat(new ListSort<>(Column.NAME, true).directionOnClick("NAME")).isEqualTo(SortDirection.ASC);
        // another column: its own first direction, the highest or latest first for numbers and dates
        assertThat(byName.directionOnClick("SCORE")).isEqualTo(SortDirection.DESC);
        assertThat(DEFAULT.directionOnClick("NAME")).isEqualTo(SortDirection.ASC);
    }
}
