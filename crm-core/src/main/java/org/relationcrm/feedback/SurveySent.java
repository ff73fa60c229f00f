package org.relationcrm.feedback;

import java.util.Map;
import java.util.Set;

import org.relationcrm.interaction.OnTimeline;
import org.relationcrm.interaction.TimelineEvent;
import org.relationcrm.interaction.TimelineEventType;
import org.relationcrm.interaction.TimelineEventType.Arg;
import org.relationcrm.team.Actor;

/** A survey went to a person, by email or as a link to pass on. */
public record SurveySent(long surveyId, Long companyId, long contactId, SurveyKind kind, boolean byEmail,
                         Actor actor) implements OnTimeline {

    @Override
    public TimelineEvent timelineEvent() {
        return new TimelineEvent(TimelineEventType.SURVEY_SENT, actor, companyId,
                Set.of(contactId), surveyId,
                Map.of(Arg.SURVEY, kind.name(), Arg.SENT_BY, byEmail ? "EMAIL" : "LINK"),
                null, null);
    }
}
