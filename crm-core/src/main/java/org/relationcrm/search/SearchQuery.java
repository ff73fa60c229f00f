package org.relationcrm.search;

import java.util.Set;

/**
 * What the search box asks: a text, the kinds the user may see, and how many hits of each kind to return.
 * Texts are trimmed and cut at {@value #MAX_LENGTH} characters; a blank text asks for nothing.
 */
public record SearchQuery(String text, Set<SearchKind> kinds, int perKind) {

    public static final int MAX_LENGTH = 100;
    /** Below this many characters only the starts of names are matched (trigram indexes need three). */
    public static final int TRIGRAM_LENGTH = 3;

    public SearchQuery {
        text = text == null || text.isBlank() ? null : text.strip();
        if (text != null && text.length() > MAX_LENGTH) {
            text = text.substring(0, MAX_LENGTH);
        }
        kinds = Set.copyOf(kinds);
        if (perKind < 1) {
            throw new IllegalArgumentException("perKind must be positive: " + perKind);
        }
    }

    public boolean isEmpty() {
        return text == null || kinds.isEmpty();
    }

    /** Whether the text is long enough to be looked for anywhere in a name, not only at its start. */
    public boolean matchesAnywhere() {
        return text != null && text.length() >= TRIGRAM_LENGTH;
    }

    /** The complaint number the text names ("123" or "#123"), or null. */
    public Long number() {
        if (text == null) {
            return null;
        }
        String digits = text.startsWith("#") ? text.substring(1) : text;
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(digits);
    }
}
