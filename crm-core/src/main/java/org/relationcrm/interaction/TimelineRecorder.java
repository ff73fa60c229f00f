package org.relationcrm.interaction;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes every {@link OnTimeline} domain event on its client's timeline. A plain, synchronous {@code @EventListener}:
 * it runs in the publisher's thread and transaction, so the action and its timeline line commit together, and a
 * failure here rolls the action back. No event publication registry entry is needed for it (Spring Modulith only
 * registers {@code @TransactionalEventListener}s), which keeps the common path to one extra INSERT.
 */
@Component
class TimelineRecorder {

    private final TimelineEvents events;
    private final Clock clock;

    TimelineRecorder(TimelineEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void record(OnTimeline event) {
        events.append(event.timelineEvent(), clock.instant());
    }
}
