package org.relationcrm.quality;

import java.util.Map;
import java.util.Set;

import org.relationcrm.interaction.OnTimeline;
import org.relationcrm.interaction.TimelineEvent;
import org.relationcrm.interaction.TimelineEventType;
import org.relationcrm.interaction.TimelineEventType.Arg;
import org.relationcrm.team.Actor;

/** Another record of the same company was merged into this one: its whole story is now on this timeline. */
public record CompaniesMerged(long mergeId, long survivorId, long loserId, String loserName, Actor actor)
        implements OnTimeline {

    @Override
    public TimelineEvent timelineEvent() {
        return new TimelineEvent(TimelineEventType.COMPANY_MERGED, actor, survivorId, Set.of(), mergeId,
                Map.of(Arg.COMPANY, loserName, Arg.NUMBER, Long.toString(loserId)), null, null);
    }
}
