package org.relationcrm.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SurveyTests {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    static Survey sent(SurveyKind kind) {
        Survey survey = Survey.prepare(kind, 1L, 2, "fr", SurveyTrigger.MANUAL, null, 3, NOW, null);
        survey.markSent(NOW, true, 30);
        return survey;
    }

    @Test
    void tokensAreLongRandomAndDifferent() {
        Survey a = sent(SurveyKind.NPS);
        Survey b = sent(SurveyKind.NPS);
        assertThat(a.token()).hasSize(43).isNotEqualTo(b.token()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void aLinkAnswersOnceThenRefuses() {
        Survey survey = sent(SurveyKind.CSAT);
        assertThat(survey.answer(4, "Bien", NOW.plusSeconds(60))).isFalse();
        assertThat(survey.refusal(NOW.plusSeconds(120))).isEqualTo(Survey.Refusal.ALREADY_ANSWERED);
        assertThatThrownBy(() -> survey.answer(5, null, NOW.plusSeconds(120)))
                .isInstanceOfSatisfying(SurveyClosedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(Survey.Refusal.ALREADY_ANSWERED));
        assertThat(survey.score()).isEqualTo(4);
    }

    @Test
    void anExpiredLinkRefuses() {
        Survey survey = sent(SurveyKind.NPS);
        Instant later = NOW.plus(Duration.ofDays(30));
        assertThat(survey.refusal(later)).isEqualTo(Survey.Refusal.EXPIRED);
        assertThatThrownBy(() -> survey.answer(9, null, later)).isInstanceOf(SurveyClosedException.class);
        assertThat(survey.answeredAt()).isNull();
    }

    @Test
    void scoresOutsideTheScaleAreRefused() {
        assertThatThrownBy(() -> sent(SurveyKind.CSAT).answer(0, null, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sent(SurveyKind.NPS).answer(11, null, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sent(SurveyKind.CES).answer(8, null, NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void detractorsAndDissatisfiedClientsNeedAFollowUp() {
        assertThat(sent(SurveyKind.NPS).answer(6, null, NOW)).isTrue();
        assertThat(sent(SurveyKind.NPS).answer(7, null, NOW)).isFalse();
        assertThat(sent(SurveyKind.CSAT).answer(2, null, NOW)).isTrue();
        assertThat(sent(SurveyKind.CSAT).answer(3, null, NOW)).isFalse();
        assertThat(sent(SurveyKind.CES).answer(1, null, NOW)).isFalse();
    }

    @Test
    void aPlannedSurveyCannotBeAnsweredBeforeItIsSent() {
        Survey planned = Survey.prepare(SurveyKind.NPS, 1L, 2, "en", SurveyTrigger.OPPORTUNITY_WON, 5L, 3, NOW,
                java.time.LocalDate.of(2026, 4, 1));
        assertThat(planned.refusal(NOW)).isEqualTo(Survey.Refusal.NOT_SENT);
        assertThat(planned.language()).isEqualTo("en");
    }
}
