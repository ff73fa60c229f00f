package org.relationcrm.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The hits of a search grouped by kind, in {@link SearchKind} order; kinds without a hit are left out. */
public record SearchResults(SearchQuery query, Map<SearchKind, List<SearchHit>> byKind) {

    public SearchResults {
        byKind = Map.copyOf(byKind);
    }

    static SearchResults of(SearchQuery query, List<SearchHit> hits) {
        Map<SearchKind, List<SearchHit>> byKind = new EnumMap<>(SearchKind.class);
        for (SearchHit hit : hits) {
            byKind.computeIfAbsent(hit.kind(), k -> new ArrayList<>()).add(hit);
        }
        byKind.replaceAll((kind, list) -> List.copyOf(list));
        return new SearchResults(query, byKind);
    }

    /** The groups in display order. */
    public List<Map.Entry<SearchKind, List<SearchHit>>> groups() {
        return Arrays.stream(SearchKind.values()).filter(byKind::containsKey)
                .map(kind -> Map.entry(kind, byKind.get(kind))).toList();
    }

    /** How many hits in all. */
    public int count() {
        return byKind.values().stream().mapToInt(List::size).sum();
    }

    public boolean isEmpty() {
        return byKind.isEmpty();
    }
}
