package org.relationcrm.interaction;

import java.time.Instant;

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
            return new TimelineCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    Long.parseLong(parts[2]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid timeline cursor");
        }
    }
}
