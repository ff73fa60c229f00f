package org.relationcrm.myday.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.relationcrm.pipeline.DueStep;
import org.relationcrm.shared.ItemRef;

/**
 * The items of "My day" a form names ({@link DueStep#key()}: {@code I12.3} a follow-up, {@code D45.7} a deal, each
 * with the version the user saw), split by kind; or why they cannot be read ({@code problem}, a message key).
 * {@code only}, a line's own button, wins over the ticked boxes.
 */
record MyDayItems(List<ItemRef> followUps, List<ItemRef> deals, String problem) {

    /** More than a page of My day holds is not something a user selected. */
    static final int MAX = 500;
    private static final Pattern KEY = Pattern.compile("([ID])(\\d{1,18})\\.(\\d{1,18})");

    static MyDayItems parse(List<String> ticked, String only) {
        List<String> keys = only != null && !only.isBlank() ? List.of(only)
                : ticked == null ? List.of() : ticked.stream().filter(k -> k != null && !k.isBlank()).toList();
        if (keys.isEmpty()) {
            return invalid("myday.error.empty");
        }
        if (keys.size() > MAX) {
            return invalid("myday.error.selection");
        }
        Map<Long, ItemRef> followUps = new LinkedHashMap<>();
        Map<Long, ItemRef> deals = new LinkedHashMap<>();
        for (String key : keys) {
            Matcher m = KEY.matcher(key.strip());
            if (!m.matches()) {
                return invalid("myday.error.selection");
            }
            ItemRef item = new ItemRef(Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
            (m.group(1).equals("I") ? followUps : deals).putIfAbsent(item.id(), item);
        }
        return new MyDayItems(new ArrayList<>(followUps.values()), new ArrayList<>(deals.values()), null);
    }

    private static MyDayItems invalid(String problem) {
        return new MyDayItems(List.of(), List.of(), problem);
    }

    /** A positive id, or null when the text is not one. */
    static Long number(String text) {
        if (text == null || !text.strip().matches("\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(text.strip());
    }
}
