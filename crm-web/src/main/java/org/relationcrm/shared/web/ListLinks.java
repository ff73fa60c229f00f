package org.relationcrm.shared.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.relationcrm.shared.ListSort;
import org.relationcrm.shared.SortCursor;

/**
 * The links of a sorted list, so that its state lives in the URL: sorting by a column keeps the filters (and goes
 * back to the first page), the next page keeps the filters and the sort, a filter link keeps the sort. Templates
 * render them; they do not rebuild query strings.
 */
public final class ListLinks {

    private final String path;
    private final Map<String, String> filters;
    private final ListSort<?> sort;

    /** {@code filters}: the list's parameters as they are now (null values are left out), in the URL's order. */
    public ListLinks(String path, Map<String, ?> filters, ListSort<?> sort) {
        this.path = path;
        this.filters = new LinkedHashMap<>();
        filters.forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                this.filters.put(name, value.toString());
            }
        });
        this.sort = sort;
    }

    /** The list sorted by this column: the other way if it is the sorted one, the column's first way otherwise. */
    public String sortBy(String column) {
        Map<String, String> query = new LinkedHashMap<>(filters);
        query.put("sort", column);
        query.put("dir", sort.directionOnClick(column).name());
        return url(query);
    }

    /** The first page, as sorted now. */
    public String first() {
        return url(sorted(filters));
    }

    /** The page after the cursor, as filtered and sorted now. */
    public String next(SortCursor cursor) {
        Map<String, String> query = sorted(filters);
        query.put("after", cursor.encode());
        return url(query);
    }

    /** The first page with one filter changed (null removes it), as sorted now. */
    public String with(String name, Object value) {
        Map<String, String> query = new LinkedHashMap<>(filters);
        if (value == null) {
            query.remove(name);
        } else {
            query.put(name, value.toString());
        }
        return url(sorted(query));
    }

    private Map<String, String> sorted(Map<String, String> query) {
        Map<String, String> result = new LinkedHashMap<>(query);
        result.put("sort", sort.column().name());
        result.put("dir", sort.direction().name());
        return result;
    }

    private String url(Map<String, String> query) {
        return query.isEmpty() ? path : path + "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
