package org.relationcrm.quality;

import java.util.Map;
import java.util.Set;

import org.relationcrm.interaction.OnTimeline;
import org.relationcrm.interaction.TimelineEvent;
import org.relationcrm.interaction.TimelineEventType;
import org.relationcrm.interaction.TimelineEventType.Arg;
import org.relationcrm.team.Actor;

/**
 * Another record of the same person was merged into this one: said on their company's timeline (or, for a private
 * customer, on theirs) and on the survivor's own.
 */
public record PeopleMerged(long mergeId, Long companyId, long survivorId, long loserId, String loserName, Actor actor)
        implements OnTimeline {

    @Override
    public TimelineEvent timelineEvent() {
        return new TimelineEvent(TimelineEventType.PERSON_MERGED, actor, companyId, Set.of(survivorId), mergeId,
                Map.of(Arg.PERSON, loserName, Arg.NUMBER, Long.toString(loserId)), null, null);
    }
}
