package org.relationcrm.feedback;

import java.util.Map;
import java.util.Set;

import org.relationcrm.interaction.OnTimeline;
import org.relationcrm.interaction.TimelineEvent;
import org.relationcrm.interaction.TimelineEventType;
import org.relationcrm.interaction.TimelineEventType.Arg;
import org.relationcrm.team.Actor;

/** A complaint was opened, with its subject and the description the user typed. */
public record ComplaintOpened(long complaintId, long companyId, Long contactId, ComplaintCategory category,
                              Severity severity, String subject, String description, Actor actor) implements OnTimeline {

    @Override
    public TimelineEvent timelineEvent() {
        return new TimelineEvent(TimelineEventType.COMPLAINT_OPENED, actor, companyId,
                contactId == null ? Set.of() : Set.of(contactId), complaintId,
                Map.of(Arg.NUMBER, Long.toString(complaintId), Arg.CATEGORY, category.name(),
                        Arg.SEVERITY, severity.name(), Arg.SUBJECT, subject),
                description, null);
    }
}
