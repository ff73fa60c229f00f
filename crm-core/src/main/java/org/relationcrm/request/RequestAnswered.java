package org.relationcrm.request;

import java.util.Map;
import java.util.Set;

import org.relationcrm.interaction.OnTimeline;
import org.relationcrm.interaction.TimelineEvent;
import org.relationcrm.interaction.TimelineEventType;
import org.relationcrm.interaction.TimelineEventType.Arg;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Actor;

/**
 * The receiving department answered a request: done ("ADV answered Support in 3 h"), declined, or a question back
 * to the requester ({@code outcome}). {@code hours}: working hours since the request was sent; {@code text}: the
 * answer, the reason or the question.
 */
public record RequestAnswered(long requestId, long companyId, RequestStatus outcome, Department by, Department to,
                              RequestKind kind, long hours, boolean withinLevel, String text, Actor actor)
        implements OnTimeline {

    @Override
    public TimelineEvent timelineEvent() {
        return switch (outcome) {
            case DONE -> new TimelineEvent(TimelineEventType.REQUEST_DONE, actor, companyId, Set.of(), requestId,
                    Map.of(Arg.ANSWERER, by.name(), Arg.ASKER, to.name(), Arg.HOURS, Long.toString(hours),
                            Arg.REQUEST_KIND, kind.name()), text, null);
            case DECLINED -> event(TimelineEventType.REQUEST_DECLINED);
            case NEEDS_INFORMATION -> event(TimelineEventType.REQUEST_INFORMATION_ASKED);
            default -> throw new IllegalStateException("not an answer: " + outcome);
        };
    }

    private TimelineEvent event(TimelineEventType type) {
        return new TimelineEvent(type, actor, companyId, Set.of(), requestId,
                Map.of(Arg.ANSWERER, by.name(), Arg.ASKER, to.name(), Arg.REQUEST_KIND, kind.name()), text, null);
    }
}
