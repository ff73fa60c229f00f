package org.relationcrm.feedback;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.relationcrm.interaction.OnTimeline;
import org.relationcrm.interaction.TimelineEvent;
import org.relationcrm.interaction.TimelineEventType;
import org.relationcrm.interaction.TimelineEventType.Arg;
import org.relationcrm.team.Actor;

/** The care plan after a win planned a check-in for the deal's owner, {@code day} days after signature. */
public record CareCheckInPlanned(long opportunityId, long companyId, Set<Long> contactIds, int day, LocalDate dueOn,
                                 long ownerId, Actor actor) implements OnTimeline {

    @Override
    public TimelineEvent timelineEvent() {
        return new TimelineEvent(TimelineEventType.CARE_CHECK_IN, actor, companyId, contactIds, opportunityId,
                Map.of(Arg.DAY, Integer.toString(day)), null, new TimelineEvent.FollowUp(dueOn, ownerId));
    }
}
