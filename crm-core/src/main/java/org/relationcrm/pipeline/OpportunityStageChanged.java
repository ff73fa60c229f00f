package org.relationcrm.pipeline;

import java.util.Map;
import java.util.Set;

import org.relationcrm.interaction.OnTimeline;
import org.relationcrm.interaction.TimelineEvent;
import org.relationcrm.interaction.TimelineEventType;
import org.relationcrm.interaction.TimelineEventType.Arg;
import org.relationcrm.team.Actor;

/** An open deal moved to another open stage, with the next step the user planned (their words). */
public record OpportunityStageChanged(long opportunityId, long companyId, Set<Long> contactIds, String title,
                                      Stage from, Stage to, String nextStep, Actor actor) implements OnTimeline {

    @Override
    public TimelineEvent timelineEvent() {
        return new TimelineEvent(TimelineEventType.STAGE_CHANGED, actor, companyId, contactIds, opportunityId,
                Map.of(Arg.TITLE, title, Arg.FROM, from.name(), Arg.TO, to.name()), nextStep, null);
    }
}
