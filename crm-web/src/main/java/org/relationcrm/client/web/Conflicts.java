package org.relationcrm.client.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Lists where what is stored now differs from what the user submitted, so a refused edit says what changed
 * meanwhile instead of silently overwriting it.
 */
final class Conflicts {

    private Conflicts() {
    }

    static <T> List<FieldChange> between(T stored, T submitted, List<Field<T>> fields) {
        List<FieldChange> changes = new ArrayList<>();
        for (Field<T> field : fields) {
            Object now = normalize(field.value().apply(stored));
            Object mine = normalize(field.value().apply(submitted));
            if (!Objects.equals(now, mine)) {
                changes.add(new FieldChange(field.labelKey(), now == null ? "—" : now.toString()));
            }
        }
        return changes;
    }

    private static Object normalize(Object value) {
        if (value instanceof String text) {
            return text.isBlank() ? null : text.strip();
        }
        return value;
    }

    record Field<T>(String labelKey, Function<T, Object> value) {
    }
}
