package org.relationcrm.client;

/** Small helpers that keep stored text tidy: trimmed, and null rather than blank. */
final class Text {

    private Text() {
    }

    static String optional(String value, int maxLength, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw new IllegalArgumentException(field + " is longer than " + maxLength + " characters");
        }
        return stripped;
    }

    static String required(String value, int maxLength, String field) {
        String stripped = optional(value, maxLength, field);
        if (stripped == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return stripped;
    }
}
