package org.relationcrm.demo;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.relationcrm.coaching.CoachingService;
import org.relationcrm.coaching.Criterion;
import org.relationcrm.coaching.Review;
import org.relationcrm.coaching.Score;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;

/**
 * With the {@code demo} profile, after the interactions and the feedback: a manager reviews a few recent exchanges
 * of the reps (the unhappy clients first), and some reps answer. Only when there is no review yet.
 */
@Component
@Profile("demo")
@Order(20)
class DemoCoaching implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCoaching.class);

    /** Comments a manager writes, per criterion, by score (1 to 4). */
    private static final Map<Criterion, String> COMMENTS = Map.of(
            Criterion.LISTENING, "Tu as laissé le client finir avant de répondre : bien.",
            Criterion.PERSONALISATION, "Pense à rappeler ce qu'il t'avait dit la dernière fois.",
            Criterion.NEXT_STEP_CLARITY, "La suite n'a pas de date : propose un créneau précis.",
            Criterion.EMOTION_HANDLING, "Reformule son agacement avant de passer aux solutions.",
            Criterion.DEFENDING_INTERESTS, "Le geste commercial est venu trop vite, sans contrepartie.");

    private static final List<String> OVERALL = List.of(
            "Bon échange dans l'ensemble ; la suite reste à cadrer.",
            "Client tendu, tu as gardé ton calme. Travaillons la reformulation.",
            "Très bon appel, à partager avec l'équipe.",
            "Attention aux concessions : demande toujours une contrepartie.");

    private static final List<String> ANSWERS = List.of(
            "Merci, je fixerai la date du rappel avant de raccrocher.",
            "D'accord, j'essaie la reformulation dès cette semaine.");

    private final CoachingService coaching;
    private final JdbcClient jdbc;

    DemoCoaching(CoachingService coaching, JdbcClient jdbc) {
        this.coaching = coaching;
        this.jdbc = jdbc;
    }

    record Person(long id, String role, String department) {
        Actor actor() {
            return new Actor(id, Role.valueOf(role), Department.valueOf(department));
        }
    }

    record Exchange(long id, Person rep) {
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select exists (select 1 from coaching_review)").query(Boolean.class).single()) {
            return;
        }
        List<Person> managers = jdbc.sql("""
                        select id, role, department from app_user where role = 'MANAGER' and enabled order by id limit 1""")
                .query((rs, n) -> new Person(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
        if (managers.isEmpty()) {
            return;
        }
        Actor manager = managers.getFirst().actor();
        List<Exchange> exchanges = jdbc.sql("""
                        select distinct on (i.author_id) i.id, u.id, u.role, u.department
                          from interaction i join app_user u on u.id = i.author_id
                         where i.kind = 'EXCHANGE' and u.role in ('SALES', 'SUPPORT', 'ADV') and u.enabled
                         order by i.author_id, (i.sentiment = 'NEGATIVE') desc nulls last, i.occurred_at desc
                         limit 4""")
                .query((rs, n) -> new Exchange(rs.getLong(1),
                        new Person(rs.getLong(2), rs.getString(3), rs.getString(4)))).list();
        int answered = 0;
        for (int n = 0; n < exchanges.size(); n++) {
            Exchange exchange = exchanges.get(n);
            Map<Criterion, Score> scores = new EnumMap<>(Criterion.class);
            for (Criterion criterion : Criterion.values()) {
                int value = 1 + (criterion.ordinal() + n * 2) % 4;
                scores.put(criterion, Score.of(value, value <= 2 ? COMMENTS.get(criterion) : null,
                        Review.fieldOf(criterion)));
            }
            Review review = coaching.review(exchange.id(), scores, OVERALL.get(n % OVERALL.size()), manager);
            if (n < ANSWERS.size()) {
                coaching.answer(review.id(), review.version(), ANSWERS.get(n), exchange.rep().actor());
                answered++;
            }
        }
        log.info("Demo coaching: {} reviews, {} answered", exchanges.size(), answered);
    }
}
