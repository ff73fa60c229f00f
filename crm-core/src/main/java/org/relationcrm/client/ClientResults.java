package org.relationcrm.client;

import org.relationcrm.shared.ListSort;
import org.relationcrm.shared.Slice;
import org.relationcrm.shared.SortCursor;

/**
 * A page of the clients list, with the search as it was run (its {@link ClientSearch#match()} is the one used) and
 * the sort it is in.
 */
public record ClientResults(ClientSearch search, ListSort<ClientSort> sort, Slice<ClientRow, SortCursor> page) {
}
