package org.relationcrm.feedback;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.relationcrm.interaction.OnTimeline;
import org.relationcrm.interaction.TimelineEvent;
import org.relationcrm.interaction.TimelineEventType;
import org.relationcrm.interaction.TimelineEventType.Arg;
import org.relationcrm.team.Actor;

/**
 * A person answered a survey. A detractor's or a dissatisfied answer ({@code followUpDue} not null) gives the
 * client's owner ({@code owner}, the entry's author) a call back on the answer's own timeline line: it commits with
 * the answer, so it cannot be lost.
 */
public record SurveyAnswered(long surveyId, Long companyId, long contactId, String personName, SurveyKind kind,
                             int score, String comment, LocalDate followUpDue, Actor owner) implements OnTimeline {

    @Override
    public TimelineEvent timelineEvent() {
        return new TimelineEvent(TimelineEventType.SURVEY_ANSWERED, owner, companyId, Set.of(contactId), surveyId,
                Map.of(Arg.SURVEY, kind.name(), Arg.SCORE, Integer.toString(score),
                        Arg.MAX, Integer.toString(kind.max()), Arg.PERSON, personName),
                comment, followUpDue == null ? null : new TimelineEvent.FollowUp(followUpDue, owner.userId()));
    }
}
