package org.relationcrm.insight.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.relationcrm.insight.SummarySubscriptions;

/** The weekly summary's subscribers, one row each. */
@Repository
class SqlSummarySubscriptions implements SummarySubscriptions {

    private final JdbcClient jdbc;

    SqlSummarySubscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void subscribe(long userId, String language, Instant at) {
        jdbc.sql("""
                        insert into insight_summary_subscriber (user_id, language, subscribed_at) values (:user, :language, :at)
                        on conflict (user_id) do update set language = excluded.language""")
                .param("user", userId).param("language", language)
                .param("at", java.sql.Timestamp.from(at)).update();
    }

    @Override
    public void unsubscribe(long userId) {
        jdbc.sql("delete from insight_summary_subscriber where user_id = :user").param("user", userId).update();
    }

    @Override
    public boolean isSubscribed(long userId) {
        return jdbc.sql("select exists (select 1 from insight_summary_subscriber where user_id = :user)")
                .param("user", userId).query(Boolean.class).single();
    }

    @Override
    public List<Subscriber> due(LocalDate since) {
        return jdbc.sql("""
                        select s.user_id, u.email, u.full_name, s.language, u.role
                        from insight_summary_subscriber s join app_user u on u.id = s.user_id
                        where u.enabled and (s.last_sent_on is null or s.last_sent_on < :since)
                        order by s.user_id""")
                .param("since", since)
                .query((rs, n) -> new Subscriber(rs.getLong("user_id"), rs.getString("email"),
                        rs.getString("full_name"), rs.getString("language"),
                        org.relationcrm.team.Role.valueOf(rs.getString("role")))).list();
    }

    @Override
    public void markSent(long userId, LocalDate on) {
        jdbc.sql("update insight_summary_subscriber set last_sent_on = :on where user_id = :user")
                .param("on", on).param("user", userId).update();
    }
}
