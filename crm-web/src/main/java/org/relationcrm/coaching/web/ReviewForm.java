package org.relationcrm.coaching.web;

import java.util.EnumMap;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.relationcrm.coaching.Criterion;
import org.relationcrm.coaching.Review;
import org.relationcrm.coaching.Score;
import org.relationcrm.shared.RuleViolation;

/**
 * The review of an exchange: a score on each criterion (field names: {@link Review#fieldOf}); the range is the
 * domain's rule ({@link Score#of}), said next to the field.
 */
record ReviewForm(
        @NotNull Integer listening,
        @Size(max = Score.MAX_COMMENT) String listeningComment,
        @NotNull Integer personalisation,
        @Size(max = Score.MAX_COMMENT) String personalisationComment,
        @NotNull Integer nextStepClarity,
        @Size(max = Score.MAX_COMMENT) String nextStepClarityComment,
        @NotNull Integer emotionHandling,
        @Size(max = Score.MAX_COMMENT) String emotionHandlingComment,
        @NotNull Integer defendingInterests,
        @Size(max = Score.MAX_COMMENT) String defendingInterestsComment,
        @Size(max = Review.MAX_OVERALL) String overallComment) {

    static ReviewForm empty() {
        return new ReviewForm(null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The scores as the domain takes them; a rule it breaks is a {@link RuleViolation} on the field. */
    Map<Criterion, Score> scores() {
        Object[][] grid = {
                {Criterion.LISTENING, listening, listeningComment},
                {Criterion.PERSONALISATION, personalisation, personalisationComment},
                {Criterion.NEXT_STEP_CLARITY, nextStepClarity, nextStepClarityComment},
                {Criterion.EMOTION_HANDLING, emotionHandling, emotionHandlingComment},
                {Criterion.DEFENDING_INTERESTS, defendingInterests, defendingInterestsComment}};
        Map<Criterion, Score> scores = new EnumMap<>(Criterion.class);
        for (Object[] row : grid) {
            Criterion criterion = (Criterion) row[0];
            scores.put(criterion, Score.of((Integer) row[1], (String) row[2], Review.fieldOf(criterion)));
        }
        return scores;
    }
}
