package org.relationcrm.shared;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;

/**
 * Where the next page of a sorted list starts: after the row of this kind (its rank among the kinds a list mixes,
 * from 0) and id, whose value in the sorted column
 * was {@code key} ({@code empty} when it had none). {@code sort} is the {@link ListSort#code()} of the list it came
 * from. Encoded for URLs; a malformed cursor, one of another sort or whose key is not of the column's kind, is
 * refused (the 400 page), not guessed at.
 */
public record SortCursor(String sort, boolean empty, String key, String kind, long id) {

    public SortCursor {
        if (sort == null || sort.indexOf(':') >= 0 || kind == null || kind.indexOf(':') >= 0 || key == null) {
            throw new IllegalArgumentException("invalid page cursor");
        }
    }

    public String encode() {
        String raw = sort + ":" + (empty ? "1" : "0") + ":" + kind + ":" + id + ":" + key;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor of a link, which must belong to the given sort; null or blank is the first page (null). */
    public static SortCursor decode(String encoded, ListSort<?> sort) {
        if (encoded == null || encoded.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            String[] parts = raw.split(":", 5);
            if (parts.length != 5 || !parts[0].equals(sort.code()) || !parts[1].matches("[01]")
                    || !parts[2].matches("\\d")
                    || parts[4].indexOf('\0') >= 0) { // PostgreSQL refuses NUL in text
                throw new IllegalArgumentException();
            }
            boolean empty = parts[1].equals("1");
            if (empty ? !parts[4].isEmpty() : !fits(parts[4], sort.column().key())) {
                throw new IllegalArgumentException();
            }
            return new SortCursor(parts[0], empty, parts[4], parts[2], Long.parseLong(parts[3]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid page cursor");
        }
    }

    /** Whether a key is a value of the column's kind that the database can store (checked before it is sent). */
    private static boolean fits(String key, SortColumn.Key kind) {
        return switch (kind) {
            case TEXT -> true;
            case NUMBER -> key.matches("-?\\d{1,18}");
            case INSTANT -> SaneDates.contains(Instant.parse(key));
            case DATE -> SaneDates.contains(LocalDate.parse(key));
        };
    }
}
