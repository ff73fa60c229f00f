package org.relationcrm.search;

import java.util.List;

/**
 * The read side of the search box: one SQL statement for every kind at once, each kind answered through an index
 * and cut at {@link SearchQuery#perKind()} hits. Implemented with SQL in crm-persistence.
 */
public interface SearchQueries {

    /** The hits of each asked kind, in {@link SearchKind} order, best first within a kind. */
    List<SearchHit> find(SearchQuery query);
}
