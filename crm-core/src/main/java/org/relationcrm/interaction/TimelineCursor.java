package org.relationcrm.interaction;

import java.time.Instant;

import org.relationcrm.shared.SaneDates;

/** Where the next page of a timeline starts: strictly before this instant and id (newest first). */
public record TimelineCursor(Instant occurredAt, long id) {

    public String encode() {
        long seconds = occurredAt.getEpochSecond();
        return seconds + "." + occurredAt.getNano() + "." + id;
    }

    /** Parses {@link #encode()}'s output; anything else is refused. */
    public static TimelineCursor decode(String encoded) {
        try {
            String[] parts = encoded.split("\\.");
            if (parts.length != 3) {
                throw new IllegalArgumentException();
            }
            Instant occurredAt = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            if (!SaneDates.contains(occurredAt)) {
                throw new IllegalArgumentException(); // no entry is there, and PostgreSQL could not compare it
            }
            return new TimelineCursor(occurredAt, Long.parseLong(parts[2]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid timeline cursor");
        }
    }
}
