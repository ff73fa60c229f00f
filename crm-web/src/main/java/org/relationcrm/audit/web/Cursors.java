package org.relationcrm.audit.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A keyset cursor in a URL: the instant in microseconds since the epoch (PostgreSQL's precision) and the id,
 * {@code 1764748800123456_42}. Anything else is a bad request (IllegalArgumentException, 400), never a 500.
 */
final class Cursors {

    private Cursors() {
    }

    static String write(Instant at, long id) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at) + "_" + id;
    }

    /** The instant and id of a cursor, or null for none. */
    static Parsed read(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        int sep = cursor.indexOf('_');
        if (sep <= 0 || cursor.length() > 40) {
            throw new IllegalArgumentException("bad cursor");
        }
        try {
            long micros = Long.parseLong(cursor.substring(0, sep));
            long id = Long.parseLong(cursor.substring(sep + 1));
            return new Parsed(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
        } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
            throw new IllegalArgumentException("bad cursor", e);
        }
    }

    record Parsed(Instant at, long id) {
    }
}
