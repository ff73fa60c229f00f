package org.relationcrm.client;

import java.util.Base64;
import java.nio.charset.StandardCharsets;

/**
 * Where the next page of the clients list starts: after this sort key (lower-cased name), kind and id.
 * Encoded for URLs; a malformed cursor is refused, not guessed at.
 */
public record ClientCursor(String sortName, ClientKind kind, long id) {

    public String encode() {
        String raw = kind.name() + ":" + id + ":" + sortName;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static ClientCursor decode(String encoded) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            String[] parts = raw.split(":", 3);
            if (parts[2].indexOf('\0') >= 0) {
                throw new IllegalArgumentException(); // PostgreSQL refuses NUL in text
            }
            return new ClientCursor(parts[2], ClientKind.valueOf(parts[0]), Long.parseLong(parts[1]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid page cursor");
        }
    }
}
