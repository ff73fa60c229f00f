package org.relationcrm.interaction.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.relationcrm.interaction.internal.LastChannels;
import org.relationcrm.shared.Channel;

/** Table interaction_last_channel (V35): one row per user, read by its primary key, kept by one upsert. */
@Repository
class SqlLastChannels implements LastChannels {

    private final JdbcClient jdbc;

    SqlLastChannels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Channel> of(long userId) {
        return jdbc.sql("select channel from interaction_last_channel where user_id = ?").param(userId)
                .query(String.class).optional().map(Channel::valueOf);
    }

    /**
     * Writes only a change: logging on the same channel again neither writes nor locks the user's row (an upsert
     * would lock it, and a user's posts would wait for each other's commit).
     */
    @Override
    public void remember(long userId, Channel channel, Instant at) {
        jdbc.sql("""
                        with changed as (
                            update interaction_last_channel set channel = :channel, chosen_at = :at
                            where user_id = :user and channel <> :channel
                            returning user_id)
                        insert into interaction_last_channel (user_id, channel, chosen_at)
                        select :user, :channel, :at where not exists (select 1 from changed)
                        on conflict (user_id) do nothing""")
                .param("user", userId).param("channel", channel.name()).param("at", Timestamp.from(at)).update();
    }
}
