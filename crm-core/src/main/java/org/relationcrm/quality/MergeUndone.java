package org.relationcrm.quality;

import java.util.Map;
import java.util.Set;

import org.relationcrm.interaction.OnTimeline;
import org.relationcrm.interaction.TimelineEvent;
import org.relationcrm.interaction.TimelineEventType;
import org.relationcrm.interaction.TimelineEventType.Arg;
import org.relationcrm.team.Actor;

/** A merge was undone: said on the timeline of each of the two companies, naming the other. */
public record MergeUndone(long mergeId, long companyId, String otherName, long otherId, Actor actor)
        implements OnTimeline {

    @Override
    public TimelineEvent timelineEvent() {
        return new TimelineEvent(TimelineEventType.COMPANY_MERGE_UNDONE, actor, companyId, Set.of(), mergeId,
                Map.of(Arg.COMPANY, otherName, Arg.NUMBER, Long.toString(otherId)), null, null);
    }
}
