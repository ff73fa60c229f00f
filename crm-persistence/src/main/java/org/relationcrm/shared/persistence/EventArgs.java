package org.relationcrm.shared.persistence;

import java.sql.Array;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * A timeline event's JSONB arguments as SQL hands them over: {@code jsonb_each_text(event_args)} aggregated into a
 * names array and a values array (in the same order), which avoids a JSON library on this side.
 */
public final class EventArgs {

    /** The lateral join that yields {@code args.names} and {@code args.arg_values} for the row aliased {@code i}. */
    public static final String LATERAL = """
            left join lateral (
                select array_agg(a.key) names, array_agg(a.value) arg_values
                from jsonb_each_text(i.event_args) a) args on true""";

    private EventArgs() {
    }

    public static Map<String, String> of(Array names, Array values) throws SQLException {
        if (names == null) {
            return Map.of();
        }
        String[] keys = (String[]) names.getArray();
        String[] texts = (String[]) values.getArray();
        Map<String, String> args = new HashMap<>(keys.length * 2);
        for (int i = 0; i < keys.length; i++) {
            args.put(keys[i], texts[i]);
        }
        return args;
    }
}
