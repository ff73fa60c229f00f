package org.relationcrm.client;

/**
 * What the clients list asks for. {@code text} is matched, case-insensitively and ignoring accents, against
 * company name and city, and against the names, emails and phone numbers of the people in it.
 */
public record ClientSearch(String text, CompanyStatus status, Long ownerId, ClientKind kind) {

    /** Below this many characters a search is a prefix of the name, not "contains" (trigrams need three). */
    public static final int TRIGRAM_LENGTH = 3;

    public ClientSearch {
        text = text == null || text.isBlank() ? null : text.strip();
        if (text != null && text.length() > 100) {
            text = text.substring(0, 100);
        }
    }

    public static ClientSearch everything() {
        return new ClientSearch(null, null, null, null);
    }

    public boolean hasText() {
        return text != null;
    }
}
