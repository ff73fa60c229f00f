package org.relationcrm.pipeline;

import java.util.List;

/** A user's home page: what is late, what is due today, today's meetings, deals going cold or without a plan. */
public record MyDay(List<DueStep> overdue, List<DueStep> dueToday, List<MeetingRow> meetingsToday,
                    List<OpportunityRow> stale, List<OpportunityRow> withoutNextStep) {

    /** The same day with its due steps passed through {@code wording} (see {@link DueStep#worded}). */
    public MyDay withSteps(java.util.function.UnaryOperator<DueStep> wording) {
        return new MyDay(overdue.stream().map(wording).toList(), dueToday.stream().map(wording).toList(),
                meetingsToday, stale, withoutNextStep);
    }

    public boolean isEmpty() {
        return overdue.isEmpty() && dueToday.isEmpty() && meetingsToday.isEmpty() && stale.isEmpty()
                && withoutNextStep.isEmpty();
    }
}
