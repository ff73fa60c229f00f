package org.relationcrm.quality.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.relationcrm.client.CompletenessFacts;
import org.relationcrm.client.DataCompleteness;
import org.relationcrm.client.MissingItem;
import org.relationcrm.quality.CompletenessPoint;
import org.relationcrm.quality.CompletenessStore;
import org.relationcrm.quality.LeastComplete;

/**
 * Completeness in SQL, scored by the one rule ({@link DataCompleteness#of}): the facts of every company in one
 * streamed statement (the same facts the 360° page and the clients list read), the scores written back in chunks
 * of {@link #CHUNK} through arrays, the day's figures per owner aggregated by PostgreSQL.
 */
@Repository
class SqlCompletenessStore implements CompletenessStore {

    static final int CHUNK = 5_000;

    private final JdbcClient jdbc;

    SqlCompletenessStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int snapshot(LocalDate day, Instant now) {
        jdbc.sql("delete from company_completeness").update();
        Chunk chunk = new Chunk(now);
        jdbc.sql("""
                        select c.id, c.owner_id, c.created_at, c.sector is not null has_sector, c.city is not null has_city,
                               c.legal_id is not null has_legal_id, c.website is not null has_website,
                               mc.has_contact, coalesce(mc.has_email, false) has_email,
                               coalesce(mc.has_phone, false) has_phone, coalesce(mc.has_channel, false) has_channel,
                               x.last_at
                          from company c
                          left join company_last_exchange x on x.company_id = c.id
                          left join lateral (
                              select true has_contact, k.email is not null has_email,
                                     (k.phone is not null or k.mobile is not null) has_phone,
                                     k.preferred_channel is not null has_channel
                                from contact k where k.company_id = c.id
                               order by k.primary_contact desc, k.id limit 1) mc on true
                        """)
                .query((RowCallbackHandler) rs -> {
                    Timestamp last = rs.getTimestamp("last_at");
                    CompletenessFacts facts = new CompletenessFacts(rs.getBoolean("has_sector"),
                            rs.getBoolean("has_city"), rs.getBoolean("has_legal_id"), rs.getBoolean("has_website"),
                            rs.getBoolean("has_contact"), rs.getBoolean("has_email"), rs.getBoolean("has_phone"),
                            rs.getBoolean("has_channel"), last == null ? null : last.toInstant(),
                            rs.getTimestamp("created_at").toInstant());
                    chunk.add(rs.getLong("id"), rs.getLong("owner_id"), DataCompleteness.of(facts, now));
                });
        chunk.flush();
        jdbc.sql("delete from completeness_snapshot where day = :day").param("day", day).update();
        jdbc.sql("""
                        insert into completeness_snapshot (day, owner_id, companies, score_sum, complete)
                        select :day, owner_id, count(*), sum(score), count(*) filter (where score = 100)
                          from company_completeness group by owner_id
                        """)
                .param("day", day).update();
        return chunk.total;
    }

    /** Scores waiting to be written, then written in one statement through arrays. */
    private final class Chunk {
        final Timestamp at;
        final List<Long> ids = new ArrayList<>();
        final List<Long> owners = new ArrayList<>();
        final List<Integer> scores = new ArrayList<>();
        final List<String> missing = new ArrayList<>();
        int total;

        Chunk(Instant at) {
            this.at = Timestamp.from(at);
        }

        void add(long id, long owner, DataCompleteness completeness) {
            ids.add(id);
            owners.add(owner);
            scores.add(completeness.score());
            missing.add(completeness.missing().stream().map(Enum::name).collect(Collectors.joining(",")));
            total++;
            if (ids.size() == CHUNK) {
                flush();
            }
        }

        void flush() {
            if (ids.isEmpty()) {
                return;
            }
            jdbc.sql("""
                            insert into company_completeness (company_id, owner_id, score, missing, computed_at)
                            select * , cast(:at as timestamptz)
                              from unnest(cast(:ids as bigint[]), cast(:owners as bigint[]), cast(:scores as int[]),
                                          cast(:missing as varchar[]))
                            """)
                    .param("ids", ids.toArray(Long[]::new)).param("owners", owners.toArray(Long[]::new))
                    .param("scores", scores.toArray(Integer[]::new)).param("missing", missing.toArray(String[]::new))
                    .param("at", at)
                    .update();
            ids.clear();
            owners.clear();
            scores.clear();
            missing.clear();
        }
    }

    @Override
    public List<CompletenessPoint> trend(LocalDate since) {
        return jdbc.sql("""
                        with weekly as (
                            select distinct on (date_trunc('week', s.day), s.owner_id)
                                   date_trunc('week', s.day)::date week, s.owner_id, s.companies, s.score_sum, s.complete
                              from completeness_snapshot s
                             where s.day >= :since
                             order by date_trunc('week', s.day), s.owner_id, s.day desc)
                        select w.week, w.owner_id, u.full_name, w.companies,
                               round(w.score_sum::numeric / nullif(w.companies, 0)) average, w.complete
                          from weekly w join app_user u on u.id = w.owner_id
                        union all
                        select week, null, null, sum(companies), round(sum(score_sum)::numeric / nullif(sum(companies), 0)),
                               sum(complete)
                          from weekly group by week
                         order by 1, 3 nulls first, 2
                        """)
                .param("since", since)
                .query((rs, n) -> new CompletenessPoint(rs.getObject("week", LocalDate.class),
                        (Long) rs.getObject("owner_id"), rs.getString("full_name"), rs.getInt("companies"),
                        rs.getInt("average"), rs.getInt("complete")))
                .list();
    }

    @Override
    public List<LeastComplete> leastComplete(int perOwner) {
        return jdbc.sql("""
                        select c.id, c.name, u.id owner_id, u.full_name, cc.score, cc.missing
                          from app_user u
                          join lateral (select company_id, score, missing from company_completeness cc
                                         where cc.owner_id = u.id order by cc.score, cc.company_id limit :n) cc on true
                          join company c on c.id = cc.company_id
                         where u.enabled and cc.score < 100
                         order by u.full_name, u.id, cc.score, c.id
                        """)
                .param("n", perOwner)
                .query((rs, n) -> new LeastComplete(rs.getLong("id"), rs.getString("name"), rs.getLong("owner_id"),
                        rs.getString("full_name"), rs.getInt("score"), rs.getString("missing").isEmpty() ? List.of()
                        : Arrays.stream(rs.getString("missing").split(",")).map(MissingItem::valueOf).toList()))
                .list();
    }
}
