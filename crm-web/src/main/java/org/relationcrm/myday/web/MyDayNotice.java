package org.relationcrm.myday.web;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.relationcrm.shared.BulkOutcome;

/**
 * What "My day" tells the user after an action, as message keys and their arguments (rendered in their language):
 * how many items were done, and each reason some were left as they are. Kept in the session across a redirect.
 */
record MyDayNotice(String level, List<Line> lines) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** One sentence: a message key and its arguments (numbers and texts only). */
    record Line(String key, List<Serializable> args) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        public Object[] arguments() {
            return args.toArray();
        }
    }

    static MyDayNotice error(String key) {
        return new MyDayNotice("danger", List.of(new Line(key, List.of())));
    }

    /**
     * The outcome: {@code appliedKey} with the count then {@code extra} arguments; then, when some were left alone,
     * why ({@code keptKey} for items the action does not apply to).
     */
    static MyDayNotice of(BulkOutcome outcome, String appliedKey, List<String> extra, String keptKey) {
        List<Line> lines = new ArrayList<>();
        if (outcome.applied() > 0) {
            List<Serializable> args = new ArrayList<>();
            args.add(outcome.applied());
            args.addAll(extra);
            lines.add(new Line(appliedKey, List.copyOf(args)));
        }
        if (outcome.changed() > 0) {
            lines.add(new Line("myday.left.changed", List.of(outcome.changed())));
        }
        if (outcome.refused() > 0) {
            lines.add(new Line("myday.left.refused", List.of(outcome.refused())));
        }
        if (outcome.kept() > 0 && keptKey != null) {
            lines.add(new Line(keptKey, List.of(outcome.kept())));
        }
        boolean clean = outcome.applied() == outcome.total();
        return new MyDayNotice(clean ? "success" : outcome.applied() > 0 ? "warning" : "danger", List.copyOf(lines));
    }
}
