package org.relationcrm.segment;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.relationcrm.interaction.OnTimeline;
import org.relationcrm.interaction.TimelineEvent;
import org.relationcrm.interaction.TimelineEventType;
import org.relationcrm.interaction.TimelineEventType.Arg;
import org.relationcrm.team.Actor;

/**
 * A call planned from a segment's call list: on the client's timeline, and a follow-up due on {@code dueOn} for
 * {@code assigneeId} (their "My day"), with the message the rep personalised for the person.
 */
public record CallPlanned(long segmentId, String segmentName, Long companyId, long contactId, String personName,
                          String message, LocalDate dueOn, long assigneeId, Actor actor) implements OnTimeline {

    @Override
    public TimelineEvent timelineEvent() {
        return new TimelineEvent(TimelineEventType.CALL_PLANNED, actor, companyId, Set.of(contactId), segmentId,
                Map.of(Arg.PERSON, personName, Arg.SEGMENT, segmentName), message,
                new TimelineEvent.FollowUp(dueOn, assigneeId));
    }
}
