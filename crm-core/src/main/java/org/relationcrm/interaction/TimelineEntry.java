package org.relationcrm.interaction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;

/**
 * One line of a timeline as people read it, with author and people named, read in the page's single query. An event
 * ({@link #isEvent()}) has a type and its arguments instead of a subject: the web words it in the reader's language;
 * its {@code summary} is what a user typed, if anything, and its next step's action is null (the type words it).
 */
public record TimelineEntry(
        long id,
        Interaction.Kind kind,
        TimelineEventType eventType,
        Map<String, String> eventArgs,
        Long refId,
        Long companyId,
        String companyName,
        Instant occurredAt,
        Channel channel,
        Direction direction,
        String authorName,
        Department authorDepartment,
        String subject,
        String summary,
        String outcome,
        Sentiment sentiment,
        String nextStepAction,
        LocalDate nextStepDue,
        Instant nextStepDoneAt,
        String nextStepDoneByName,
        List<PersonRef> people,
        long version) {

    public boolean isEvent() {
        return kind == Interaction.Kind.EVENT;
    }

    public boolean hasOpenNextStep() {
        return nextStepAction != null && nextStepDoneAt == null;
    }

    public boolean isNextStepOverdue(LocalDate today) {
        return hasOpenNextStep() && nextStepDue.isBefore(today);
    }
}
