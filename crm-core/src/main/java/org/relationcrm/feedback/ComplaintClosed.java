package org.relationcrm.feedback;

import java.util.Map;
import java.util.Set;

import org.relationcrm.interaction.OnTimeline;
import org.relationcrm.interaction.TimelineEvent;
import org.relationcrm.interaction.TimelineEventType;
import org.relationcrm.interaction.TimelineEventType.Arg;
import org.relationcrm.team.Actor;

/** A complaint was closed (a CSAT survey goes to the person who complained). */
public record ComplaintClosed(long complaintId, long companyId, Long contactId, String subject, Actor actor) implements OnTimeline {

    @Override
    public TimelineEvent timelineEvent() {
        return new TimelineEvent(TimelineEventType.COMPLAINT_CLOSED, actor, companyId,
                contactId == null ? Set.of() : Set.of(contactId), complaintId,
                Map.of(Arg.NUMBER, Long.toString(complaintId), Arg.SUBJECT, subject),
                null, null);
    }
}
