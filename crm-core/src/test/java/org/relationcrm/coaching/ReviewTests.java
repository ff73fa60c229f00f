package org.relationcrm.coaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.relationcrm.shared.Department;
import org.relationcrm.shared.ForbiddenActionException;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;

class ReviewTests {

    private static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");
    private final Actor manager = new Actor(1, Role.MANAGER, Department.MANAGEMENT);
    private final Actor rep = new Actor(2, Role.SALES, Department.SALES);
    private final Actor colleague = new Actor(3, Role.SUPPORT, Department.SUPPORT);

    private static Map<Criterion, Score> allScored(int value) {
        Map<Criterion, Score> scores = new EnumMap<>(Criterion.class);
        for (Criterion criterion : Criterion.values()) {
            scores.put(criterion, Score.of(value, null, Review.fieldOf(criterion)));
        }
        return scores;
    }

    @Test
    void aManagerReviewsARepsExchangeOnEveryCriterion() {
        Review review = Review.of(10, rep.userId(), allScored(3), "  Bien  ", manager, NOW);

        assertThat(review.scores()).hasSize(5);
        assertThat(review.overallComment()).isEqualTo("Bien");
        assertThat(review.repId()).isEqualTo(2);
    }

    @Test
    void everyCriterionIsScoredBetweenOneAndFour() {
        Map<Criterion, Score> scores = allScored(2);
        scores.remove(Criterion.EMOTION_HANDLING);

        assertThatThrownBy(() -> Review.of(10, rep.userId(), scores, null, manager, NOW))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.broken())
                        .extracting(RuleViolation.Broken::field).containsExactly("emotionHandling"));
        assertThatThrownBy(() -> Score.of(5, null, "listening")).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> Score.of(0, null, "listening")).isInstanceOf(RuleViolation.class);
    }

    @Test
    void aRepNeitherReviewsNorIsReviewedByThemselves() {
        assertThatThrownBy(() -> Review.of(10, rep.userId(), allScored(3), null, rep, NOW))
                .isInstanceOf(ForbiddenActionException.class);
        assertThatThrownBy(() -> Review.of(10, manager.userId(), allScored(3), null, manager, NOW))
                .isInstanceOf(ForbiddenActionException.class);
    }

    @Test
    void onlyTheRepAnswersAndOnlyTheRepAndManagersReadIt() {
        Review review = Review.of(10, rep.userId(), allScored(3), null, manager, NOW);

        review.answer(" Merci ", rep, NOW);
        review.answer("Merci, je retiens", rep, NOW);

        assertThat(review.answer()).isEqualTo("Merci, je retiens");
        assertThatThrownBy(() -> review.answer("moi aussi", colleague, NOW))
                .isInstanceOf(ForbiddenActionException.class);
        assertThat(review.isReadableBy(rep)).isTrue();
        assertThat(review.isReadableBy(manager)).isTrue();
        assertThat(review.isReadableBy(new Actor(9, Role.ADMIN, Department.MANAGEMENT))).isTrue();
        assertThat(review.isReadableBy(colleague)).isFalse();
    }

    @Test
    void theTrendHasOneAveragePerMonthAndCriterionAndNoneForAMonthWithoutReview() {
        YearMonth march = YearMonth.of(2026, 3);
        Trend trend = Trend.of(List.of(new TrendCell(march, Criterion.LISTENING, 3.5, 2)), march, 6);

        assertThat(trend.months()).hasSize(6).startsWith(march).endsWith(YearMonth.of(2025, 10));
        assertThat(trend.lines().getFirst().averages()).containsExactly(3.5, null, null, null, null, null);
        assertThat(trend.isEmpty()).isFalse();
    }

    @Test
    void repsAreThoseWhoTalkToClientsAndDoNotCoach() {
        assertThat(CoachingService.repRoles()).containsExactly("SALES", "SUPPORT", "ADV");
    }
}
