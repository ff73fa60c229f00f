package org.relationcrm.coaching.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.coaching.AlreadyReviewedException;
import org.relationcrm.coaching.CoachingQueries;
import org.relationcrm.coaching.CoachingService;
import org.relationcrm.coaching.Criterion;
import org.relationcrm.coaching.QueueItem;
import org.relationcrm.coaching.QueueReason;
import org.relationcrm.coaching.Review;
import org.relationcrm.coaching.ReviewRow;
import org.relationcrm.coaching.Score;
import org.relationcrm.coaching.Trend;
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.Interaction;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.LogInteraction;
import org.relationcrm.interaction.Sentiment;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.ForbiddenActionException;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/** The coaching queue, reviews and trends on a real PostgreSQL. */
@SpringBootTest
class CoachingQueriesTests {

    @Autowired ClientService clients;
    @Autowired UserService users;
    @Autowired InteractionService interactions;
    @Autowired CoachingService coaching;
    @Autowired CoachingQueries queries;

    Actor rep;
    Actor colleague;
    Actor manager;
    Company company;

    @BeforeEach
    void setUp() {
        rep = TestData.user(users, Role.SALES, Department.SALES).asActor();
        colleague = TestData.user(users, Role.SUPPORT, Department.SUPPORT).asActor();
        manager = TestData.user(users, Role.MANAGER, Department.MANAGEMENT).asActor();
        company = clients.createCompany(TestData.company(TestData.unique("Coach"), rep.userId()), rep);
    }

    private Interaction call(String subject, Sentiment mood, Duration ago) {
        return interactions.log(new LogInteraction(company.id(), null, Channel.PHONE, Direction.OUTBOUND,
                Instant.now().minus(ago), subject, "Résumé", "Issue", mood, null, null), rep);
    }

    private static Map<Criterion, Score> scored(int value) {
        Map<Criterion, Score> scores = new EnumMap<>(Criterion.class);
        for (Criterion criterion : Criterion.values()) {
            scores.put(criterion, Score.of(value, criterion == Criterion.LISTENING ? "Bien écouté" : null, "f"));
        }
        return scores;
    }

    private List<QueueItem> queueOfRep() {
        return queries.queue(Instant.now().minus(CoachingService.QUEUE_WINDOW), CoachingService.SAMPLE_PER_REP,
                10_000, List.of("SALES", "SUPPORT", "ADV")).stream().filter(q -> q.repId() == rep.userId()).toList();
    }

    @Test
    void theQueueSamplesEachRepsLatestExchangesAndAlwaysKeepsANegativeMood() {
        Interaction angry = call("Client furieux", Sentiment.NEGATIVE, Duration.ofDays(10));
        for (int i = 1; i <= 4; i++) {
            call("Appel " + i, Sentiment.NEUTRAL, Duration.ofDays(i));
        }
        call("Trop ancien", Sentiment.NEGATIVE, Duration.ofDays(20));

        List<QueueItem> queue = queueOfRep();

        assertThat(queue).extracting(QueueItem::subject)
                .containsExactly("Client furieux", "Appel 1", "Appel 2", "Appel 3");
        assertThat(queue.getFirst().reasons()).containsExactly(QueueReason.NEGATIVE_MOOD);
        assertThat(queue.get(1).reasons()).containsExactly(QueueReason.SAMPLE);
        assertThat(queue.getFirst().interactionId()).isEqualTo(angry.id());
    }

    @Test
    void aReviewedExchangeLeavesTheQueueAndOnlyItsRepAndManagersReadIt() {
        Interaction angry = call("Client furieux", Sentiment.NEGATIVE, Duration.ofHours(2));
        Review review = coaching.review(angry.id(), scored(2), "Reformuler avant de répondre", manager);

        assertThat(queueOfRep()).extracting(QueueItem::interactionId).doesNotContain(angry.id());
        assertThatThrownBy(() -> coaching.review(angry.id(), scored(3), null, manager))
                .isInstanceOf(AlreadyReviewedException.class);

        ReviewRow row = coaching.reviewRow(review.id(), rep);
        assertThat(row.scores()).extracting(s -> s.criterion()).containsExactly(Criterion.values());
        assertThat(row.scores().getFirst().comment()).isEqualTo("Bien écouté");
        assertThat(row.overallComment()).isEqualTo("Reformuler avant de répondre");
        assertThat(coaching.reviewRow(review.id(), manager).id()).isEqualTo(review.id());
        assertThatThrownBy(() -> coaching.reviewRow(review.id(), colleague))
                .isInstanceOf(ForbiddenActionException.class);
        assertThat(queries.reviews(rep.userId(), colleague.userId(), false, null, 10).rows()).isEmpty();

        coaching.answer(review.id(), row.version(), "Merci, je reformulerai", rep);
        assertThat(coaching.myReviews(rep, null).rows()).singleElement()
                .satisfies(r -> assertThat(r.answer()).isEqualTo("Merci, je reformulerai"));
        assertThatThrownBy(() -> coaching.answer(review.id(), row.version(), "Autre chose", rep))
                .isInstanceOf(StaleEditException.class);
        assertThatThrownBy(() -> coaching.answer(review.id(), row.version() + 1, "Moi", colleague))
                .isInstanceOf(RuntimeException.class);

        Trend trend = coaching.myTrend(rep);
        assertThat(trend.lines().getFirst().averages().getFirst()).isEqualTo(2.0);
    }

    @Test
    void aRepWithoutAReviewForThirtyDaysIsListed() {
        assertThat(coaching.unreviewedReps(manager)).isNotNull();
        assertThat(queries.unreviewedReps(Instant.now().minus(Duration.ofDays(30)), List.of("SALES"), 10_000))
                .anySatisfy(r -> assertThat(r.repId()).isEqualTo(rep.userId()));
        assertThatThrownBy(() -> coaching.queue(rep)).isInstanceOf(ForbiddenActionException.class);
    }
}
