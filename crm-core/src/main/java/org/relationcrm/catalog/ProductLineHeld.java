package org.relationcrm.catalog;

import java.util.Map;
import java.util.Set;

import org.relationcrm.interaction.OnTimeline;
import org.relationcrm.interaction.TimelineEvent;
import org.relationcrm.interaction.TimelineEventType;
import org.relationcrm.interaction.TimelineEventType.Arg;
import org.relationcrm.team.Actor;

/** A customer now holds a product line, set by hand (a won deal's lines come with the win). */
public record ProductLineHeld(long companyId, long productLineId, String lineName, Actor actor) implements OnTimeline {

    @Override
    public TimelineEvent timelineEvent() {
        return new TimelineEvent(TimelineEventType.PRODUCT_LINE_HELD, actor, companyId,
                Set.of(), productLineId,
                Map.of(Arg.LINE, lineName),
                null, null);
    }
}
