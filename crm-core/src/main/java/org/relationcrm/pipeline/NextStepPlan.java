package org.relationcrm.pipeline;

import java.time.LocalDate;

/** What must happen next on a deal, and by when. Both are required. */
public record NextStepPlan(String action, LocalDate dueOn) {

    public boolean isComplete() {
        return action != null && !action.isBlank() && dueOn != null;
    }
}
