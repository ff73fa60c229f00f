package org.relationcrm.coaching.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.relationcrm.coaching.CoachingQueries;
import org.relationcrm.coaching.Criterion;
import org.relationcrm.coaching.CriterionScore;
import org.relationcrm.coaching.QueueItem;
import org.relationcrm.coaching.QueueReason;
import org.relationcrm.coaching.ReviewCursor;
import org.relationcrm.coaching.ReviewRow;
import org.relationcrm.coaching.ReviewedInteraction;
import org.relationcrm.coaching.TrendCell;
import org.relationcrm.coaching.UnreviewedRep;
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.Sentiment;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Slice;

/** The coaching read model: the queue in one bounded statement, reviews by keyset, trends averaged by PostgreSQL. */
@Repository
class SqlCoachingQueries implements CoachingQueries {

    /** How far around an exchange an escalation or a concession counts as "around it". */
    private static final String AROUND = "interval '7 days'";

    private final JdbcClient jdbc;

    SqlCoachingQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One statement: each rep's exchanges of the window not reviewed yet, ranked newest first; a rep's first
     * {@code perRep} are the sample, and any exchange with a negative mood, an escalated complaint of the client or
     * a concession without counterpart by the rep around it is kept whatever its rank.
     */
    @Override
    public List<QueueItem> queue(Instant since, int perRep, int limit, Collection<String> repRoles) {
        return jdbc.sql("""
                        with recent as (
                            select i.id, i.author_id, i.company_id, i.occurred_at, i.channel, i.subject, i.sentiment,
                                   row_number() over (partition by i.author_id order by i.occurred_at desc, i.id desc) as rank
                              from interaction i
                              join app_user u on u.id = i.author_id and u.enabled and u.role in (:roles)
                             where i.kind = 'EXCHANGE' and i.occurred_at >= :since
                               and not exists (select 1 from coaching_review r where r.interaction_id = i.id)
                        ), flagged as (
                            select recent.*,
                                   coalesce(recent.sentiment = 'NEGATIVE', false) as negative,
                                   recent.company_id is not null and exists (
                                       select 1 from complaint k
                                        where k.company_id = recent.company_id and k.escalated_at is not null
                                          and k.escalated_at between recent.occurred_at - %1$s
                                                                 and recent.occurred_at + %1$s) as escalation,
                                   recent.company_id is not null and exists (
                                       select 1 from concession c join opportunity o on o.id = c.opportunity_id
                                        where c.counterpart = 'NONE' and c.granted_by = recent.author_id
                                          and o.company_id = recent.company_id
                                          and c.granted_at between recent.occurred_at - %1$s
                                                               and recent.occurred_at + %1$s) as concession
                              from recent
                        )
                        select f.id, f.author_id, u.full_name, f.company_id, co.name as company_name, f.occurred_at,
                               f.channel, f.subject, f.sentiment, f.negative, f.escalation, f.concession,
                               f.rank <= :perRep as sample
                          from flagged f
                          join app_user u on u.id = f.author_id
                          left join company co on co.id = f.company_id
                         where f.rank <= :perRep or f.negative or f.escalation or f.concession
                         order by (f.negative or f.escalation or f.concession) desc, f.occurred_at desc, f.id desc
                         limit :limit""".formatted(AROUND))
                .param("roles", repRoles).param("since", Timestamp.from(since)).param("perRep", perRep)
                .param("limit", limit)
                .query((rs, n) -> {
                    List<QueueReason> reasons = new ArrayList<>();
                    if (rs.getBoolean("negative")) {
                        reasons.add(QueueReason.NEGATIVE_MOOD);
                    }
                    if (rs.getBoolean("escalation")) {
                        reasons.add(QueueReason.ESCALATION);
                    }
                    if (rs.getBoolean("concession")) {
                        reasons.add(QueueReason.CONCESSION_WITHOUT_COUNTERPART);
                    }
                    if (reasons.isEmpty() && rs.getBoolean("sample")) {
                        reasons.add(QueueReason.SAMPLE);
                    }
                    return new QueueItem(rs.getLong("id"), rs.getLong("author_id"), rs.getString("full_name"),
                            nullableLong(rs, "company_id"), rs.getString("company_name"),
                            rs.getTimestamp("occurred_at").toInstant(), Channel.valueOf(rs.getString("channel")),
                            rs.getString("subject"), sentiment(rs), List.copyOf(reasons));
                })
                .list();
    }

    @Override
    public List<UnreviewedRep> unreviewedReps(Instant since, Collection<String> repRoles, int limit) {
        return jdbc.sql("""
                        select u.id, u.full_name, last.reviewed_at
                          from app_user u
                          left join lateral (select max(r.reviewed_at) as reviewed_at from coaching_review r
                                              where r.rep_id = u.id) last on true
                         where u.enabled and u.role in (:roles)
                           and (last.reviewed_at is null or last.reviewed_at < :since)
                         order by last.reviewed_at nulls first, u.full_name, u.id
                         limit :limit""")
                .param("roles", repRoles).param("since", Timestamp.from(since)).param("limit", limit)
                .query((rs, n) -> new UnreviewedRep(rs.getLong("id"), rs.getString("full_name"),
                        instant(rs, "reviewed_at")))
                .list();
    }

    @Override
    public Optional<ReviewedInteraction> interaction(long interactionId) {
        return jdbc.sql("""
                        select i.id, i.company_id, co.name as company_name,
                               (select min(ic.contact_id) from interaction_contact ic where ic.interaction_id = i.id) as contact_id,
                               i.channel, i.direction, i.occurred_at, i.subject, i.summary, i.outcome, i.sentiment,
                               i.next_step, i.next_step_due, i.author_id, u.full_name, r.id as review_id
                          from interaction i
                          join app_user u on u.id = i.author_id
                          left join company co on co.id = i.company_id
                          left join coaching_review r on r.interaction_id = i.id
                         where i.id = :id and i.kind = 'EXCHANGE'""")
                .param("id", interactionId)
                .query((rs, n) -> new ReviewedInteraction(rs.getLong("id"), nullableLong(rs, "company_id"),
                        rs.getString("company_name"), nullableLong(rs, "contact_id"),
                        Channel.valueOf(rs.getString("channel")), Direction.valueOf(rs.getString("direction")),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("subject"), rs.getString("summary"),
                        rs.getString("outcome"), sentiment(rs), rs.getString("next_step"),
                        rs.getObject("next_step_due", LocalDate.class), rs.getLong("author_id"),
                        rs.getString("full_name"), nullableLong(rs, "review_id")))
                .optional();
    }

    private static final String REVIEW_ROWS = """
            select r.id, r.version, r.interaction_id, i.occurred_at, i.channel, i.subject, i.company_id,
                   co.name as company_name, r.rep_id, rep.full_name as rep_name, rv.full_name as reviewer_name,
                   r.reviewed_at, r.overall_comment, r.answer, r.answered_at, s.criteria, s.scores, s.comments
              from coaching_review r
              join interaction i on i.id = r.interaction_id
              join app_user rep on rep.id = r.rep_id
              join app_user rv on rv.id = r.reviewer_id
              left join company co on co.id = i.company_id
              cross join lateral (select array_agg(cs.criterion) as criteria, array_agg(cs.score) as scores,
                                         array_agg(cs.comment) as comments
                                    from coaching_score cs where cs.review_id = r.id) s
             where (:all or r.rep_id = :viewer)
            """;

    @Override
    public Optional<ReviewRow> review(long reviewId, long viewerId, boolean seesAll) {
        return jdbc.sql(REVIEW_ROWS + " and r.id = :id")
                .param("all", seesAll).param("viewer", viewerId).param("id", reviewId)
                .query((rs, n) -> reviewRow(rs)).optional();
    }

    @Override
    public Slice<ReviewRow, ReviewCursor> reviews(Long repId, long viewerId, boolean seesAll, ReviewCursor before,
                                                  int size) {
        StringBuilder sql = new StringBuilder(REVIEW_ROWS);
        if (repId != null) {
            sql.append(" and r.rep_id = :rep");
        }
        if (before != null) {
            sql.append(" and (r.reviewed_at, r.id) < (:beforeAt, :beforeId)");
        }
        sql.append(" order by r.reviewed_at desc, r.id desc limit :limit");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString())
                .param("all", seesAll).param("viewer", viewerId).param("limit", size + 1);
        if (repId != null) {
            statement = statement.param("rep", repId);
        }
        if (before != null) {
            statement = statement.param("beforeAt", Timestamp.from(before.reviewedAt()))
                    .param("beforeId", before.id());
        }
        List<ReviewRow> rows = statement.query((rs, n) -> reviewRow(rs)).list();
        if (rows.size() <= size) {
            return new Slice<>(rows, null);
        }
        ReviewRow last = rows.get(size - 1);
        return new Slice<>(rows.subList(0, size), new ReviewCursor(last.reviewedAt(), last.id()));
    }

    @Override
    public List<TrendCell> trend(Long repId, Instant since) {
        String sql = """
                select to_char(date_trunc('month', r.reviewed_at), 'YYYY-MM') as month, s.criterion,
                       avg(s.score)::float8 as average, count(*) as reviews
                  from coaching_review r
                  join coaching_score s on s.review_id = r.id
                 where r.reviewed_at >= :since %s
                 group by 1, 2""".formatted(repId == null ? "" : "and r.rep_id = :rep");
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("since", Timestamp.from(since));
        if (repId != null) {
            statement = statement.param("rep", repId);
        }
        return statement.query((rs, n) -> new TrendCell(YearMonth.parse(rs.getString("month")),
                        Criterion.valueOf(rs.getString("criterion")), rs.getDouble("average"), rs.getInt("reviews")))
                .list();
    }

    private static ReviewRow reviewRow(ResultSet rs) throws SQLException {
        String[] criteria = (String[]) array(rs.getArray("criteria"));
        Number[] scores = (Number[]) array(rs.getArray("scores"));
        String[] comments = (String[]) array(rs.getArray("comments"));
        List<CriterionScore> grid = new ArrayList<>();
        for (int i = 0; criteria != null && i < criteria.length; i++) {
            grid.add(new CriterionScore(Criterion.valueOf(criteria[i]), scores[i].intValue(), comments[i]));
        }
        grid.sort(Comparator.comparing(CriterionScore::criterion));
        return new ReviewRow(rs.getLong("id"), rs.getLong("version"), rs.getLong("interaction_id"),
                rs.getTimestamp("occurred_at").toInstant(), Channel.valueOf(rs.getString("channel")),
                rs.getString("subject"), nullableLong(rs, "company_id"), rs.getString("company_name"),
                rs.getLong("rep_id"), rs.getString("rep_name"), rs.getString("reviewer_name"),
                rs.getTimestamp("reviewed_at").toInstant(), List.copyOf(grid), rs.getString("overall_comment"),
                rs.getString("answer"), instant(rs, "answered_at"));
    }

    private static Object array(Array array) throws SQLException {
        return array == null ? null : array.getArray();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static Sentiment sentiment(ResultSet rs) throws SQLException {
        String value = rs.getString("sentiment");
        return value == null ? null : Sentiment.valueOf(value);
    }
}
