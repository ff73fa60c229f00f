package org.relationcrm.shared;

/**
 * Text as aggregates keep it: trimmed, null rather than blank, and within the limit the aggregate declares (the
 * form's {@code @Size} reads the same constant). A missing or over-long text is a {@link RuleViolation} on its field.
 */
public final class Text {

    private Text() {
    }

    public static String optional(String value, int maxLength, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw RuleViolation.tooLong(field, maxLength);
        }
        return stripped;
    }

    public static String required(String value, int maxLength, String field) {
        String stripped = optional(value, maxLength, field);
        if (stripped == null) {
            throw RuleViolation.required(field);
        }
        return stripped;
    }
}
