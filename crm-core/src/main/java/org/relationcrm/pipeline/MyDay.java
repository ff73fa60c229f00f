package org.relationcrm.pipeline;

import java.util.List;

/**
 * A user's home page, as their role's work: what is late and due today (follow-ups, and deals' next steps for
 * those who manage deals), and for deal owners today's meetings and deals going cold or without a plan.
 * The deal lists are empty, and not read, for a role that does not manage deals.
 */
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
