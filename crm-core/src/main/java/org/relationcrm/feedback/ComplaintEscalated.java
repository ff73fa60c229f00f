package org.relationcrm.feedback;

import java.util.Map;
import java.util.Set;

import org.relationcrm.interaction.OnTimeline;
import org.relationcrm.interaction.TimelineEvent;
import org.relationcrm.interaction.TimelineEventType;
import org.relationcrm.interaction.TimelineEventType.Arg;
import org.relationcrm.team.Actor;

/** A complaint was escalated to a level, for the reason the user typed. */
public record ComplaintEscalated(long complaintId, long companyId, Long contactId, String subject, int level,
                                 String reason, Actor actor) implements OnTimeline {

    @Override
    public TimelineEvent timelineEvent() {
        return new TimelineEvent(TimelineEventType.COMPLAINT_ESCALATED, actor, companyId,
                contactId == null ? Set.of() : Set.of(contactId), complaintId,
                Map.of(Arg.NUMBER, Long.toString(complaintId), Arg.LEVEL, Integer.toString(level),
                        Arg.SUBJECT, subject),
                reason, null);
    }
}
