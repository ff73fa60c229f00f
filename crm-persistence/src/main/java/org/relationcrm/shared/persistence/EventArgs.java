package org.relationcrm.shared.persistence;

import java.sql.Array;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * A timeline event's JSONB arguments as SQL hands them over: {@code jsonb_each_text(event_args)} aggregated into a
 * two-row text array (names, then values in the same order), which avoids a JSON library on this side.
 */
public final class EventArgs {

    /**
     * The column {@code arg_table} of the row aliased {@code i}. Only an event has arguments: an exchange's are not
     * unfolded at all (a lateral join that unfolded every row's, absent or not, was a third of a timeline page's SQL).
     */
    public static final String COLUMN = """
            case when i.event_args is not null
                 then (select array[array_agg(a.key), array_agg(a.value)] from jsonb_each_text(i.event_args) a)
            end arg_table""";

    private EventArgs() {
    }

    /** The arguments read from the column {@link #COLUMN}. */
    public static Map<String, String> of(Array table) throws SQLException {
        if (table == null || !(table.getArray() instanceof String[][] rows) || rows.length < 2) {
            return Map.of(); // no arguments, or an empty object: '{}'
        }
        String[] keys = rows[0];
        String[] texts = rows[1];
        Map<String, String> args = new HashMap<>(keys.length * 2);
        for (int i = 0; i < keys.length; i++) {
            args.put(keys[i], texts[i]);
        }
        return args;
    }
}
