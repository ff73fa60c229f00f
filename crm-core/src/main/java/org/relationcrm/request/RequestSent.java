package org.relationcrm.request;

import java.util.Map;
import java.util.Set;

import org.relationcrm.interaction.OnTimeline;
import org.relationcrm.interaction.TimelineEvent;
import org.relationcrm.interaction.TimelineEventType;
import org.relationcrm.interaction.TimelineEventType.Arg;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Actor;

/** A colleague asked another department: "Support asked ADV for a credit note". */
public record RequestSent(long requestId, long companyId, Department from, Department to, Long toUserId,
                          RequestKind kind, String needed, Actor actor) implements OnTimeline {

    @Override
    public TimelineEvent timelineEvent() {
        return new TimelineEvent(TimelineEventType.REQUEST_SENT, actor, companyId, Set.of(), requestId,
                Map.of(Arg.REQUESTER, from.name(), Arg.RECEIVER, to.name(), Arg.REQUEST_KIND, kind.name()),
                needed, null);
    }
}
