package org.relationcrm.feedback;

import java.util.Map;
import java.util.Set;

import org.relationcrm.interaction.OnTimeline;
import org.relationcrm.interaction.TimelineEvent;
import org.relationcrm.interaction.TimelineEventType;
import org.relationcrm.interaction.TimelineEventType.Arg;
import org.relationcrm.team.Actor;

/** A complaint was resolved, with its root cause and the resolution the user typed. */
public record ComplaintResolved(long complaintId, long companyId, Long contactId, String subject, RootCause cause,
                                String resolution, Actor actor) implements OnTimeline {

    @Override
    public TimelineEvent timelineEvent() {
        return new TimelineEvent(TimelineEventType.COMPLAINT_RESOLVED, actor, companyId,
                contactId == null ? Set.of() : Set.of(contactId), complaintId,
                Map.of(Arg.NUMBER, Long.toString(complaintId), Arg.SUBJECT, subject),
                resolution, null);
    }
}
