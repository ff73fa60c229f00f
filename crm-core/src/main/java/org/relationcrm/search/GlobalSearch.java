package org.relationcrm.search;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;

import org.relationcrm.shared.ReadModel;

/**
 * The search box of every page: clients, people, deals and complaints at once, among the kinds the user may see.
 * One statement whatever the text, the kinds or the size of the data.
 */
@Service
@ReadModel
public class GlobalSearch {

    /** Hits of each kind in the box's drop-down. */
    public static final int SUGGESTIONS = 5;
    /** Hits of each kind on the results page. */
    public static final int PAGE = 20;

    private final SearchQueries queries;

    public GlobalSearch(SearchQueries queries) {
        this.queries = queries;
    }

    public SearchResults find(String text, Set<SearchKind> visible, int perKind) {
        SearchQuery query = new SearchQuery(text, visible, perKind);
        return SearchResults.of(query, query.isEmpty() ? List.of() : queries.find(query));
    }
}
