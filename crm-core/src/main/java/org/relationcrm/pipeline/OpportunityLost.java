package org.relationcrm.pipeline;

import java.util.Map;
import java.util.Set;

import org.relationcrm.interaction.OnTimeline;
import org.relationcrm.interaction.TimelineEvent;
import org.relationcrm.interaction.TimelineEventType;
import org.relationcrm.interaction.TimelineEventType.Arg;
import org.relationcrm.team.Actor;

/** A deal was lost, for a reason, with the user's comment. */
public record OpportunityLost(long opportunityId, long companyId, Set<Long> contactIds, String title,
                              LostReason reason, String comment, Actor actor) implements OnTimeline {

    @Override
    public TimelineEvent timelineEvent() {
        return new TimelineEvent(TimelineEventType.OPPORTUNITY_LOST, actor, companyId, contactIds, opportunityId,
                Map.of(Arg.TITLE, title, Arg.REASON, reason.name()), comment, null);
    }
}
