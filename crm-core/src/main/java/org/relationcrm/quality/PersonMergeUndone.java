package org.relationcrm.quality;

import java.util.Map;
import java.util.Set;

import org.relationcrm.interaction.OnTimeline;
import org.relationcrm.interaction.TimelineEvent;
import org.relationcrm.interaction.TimelineEventType;
import org.relationcrm.interaction.TimelineEventType.Arg;
import org.relationcrm.team.Actor;

/** A merge of two people was undone: one line on their company's timeline, and on each person's, naming the one put back. */
public record PersonMergeUndone(long mergeId, Long companyId, long survivorId, long loserId, String loserName,
                                Actor actor) implements OnTimeline {

    @Override
    public TimelineEvent timelineEvent() {
        return new TimelineEvent(TimelineEventType.PERSON_MERGE_UNDONE, actor, companyId, Set.of(survivorId, loserId),
                mergeId, Map.of(Arg.PERSON, loserName, Arg.NUMBER, Long.toString(loserId)), null, null);
    }
}
