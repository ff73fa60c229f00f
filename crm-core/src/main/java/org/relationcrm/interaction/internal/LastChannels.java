package org.relationcrm.interaction.internal;

import java.time.Instant;
import java.util.Optional;

import org.relationcrm.shared.Channel;

/** The channel each user chose the last time they logged an interaction by hand. Implemented in crm-persistence. */
public interface LastChannels {

    Optional<Channel> of(long userId);

    void remember(long userId, Channel channel, Instant at);
}
