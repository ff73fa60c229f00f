package org.relationcrm.interaction;

import java.time.Instant;

/** Appends events to timelines (SQL in crm-persistence: the arguments go to a JSONB column). */
public interface TimelineEvents {

    /** Writes the event as happening at {@code at}; returns the new entry's id. */
    long append(TimelineEvent event, Instant at);
}
