package org.relationcrm.catalog;

import java.util.Map;
import java.util.Set;

import org.relationcrm.interaction.OnTimeline;
import org.relationcrm.interaction.TimelineEvent;
import org.relationcrm.interaction.TimelineEventType;
import org.relationcrm.interaction.TimelineEventType.Arg;
import org.relationcrm.team.Actor;

/** A customer no longer holds a product line. */
public record ProductLineReleased(long companyId, long productLineId, String lineName, Actor actor) implements OnTimeline {

    @Override
    public TimelineEvent timelineEvent() {
        return new TimelineEvent(TimelineEventType.PRODUCT_LINE_RELEASED, actor, companyId,
                Set.of(), productLineId,
                Map.of(Arg.LINE, lineName),
                null, null);
    }
}
