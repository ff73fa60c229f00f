package org.relationcrm.client;

/**
 * What the clients list asks for. {@code text} is matched case-insensitively and ignoring accents, in one of two
 * ways (see {@link Match}); {@code match} is null when the list should choose (see
 * {@link ClientRecordService#search}). {@code subsetId}: a saved subset of the companies another feature offers
 * ({@link ClientSubsets}, a segment), checked as readable by the caller before it is asked for; the list then holds
 * only companies.
 */
public record ClientSearch(String text, CompanyStatus status, Long ownerId, ClientKind kind, Match match,
                           Long subsetId) {

    /** Below this many characters a search is a prefix of the name, not "anywhere" (trigrams need three). */
    public static final int TRIGRAM_LENGTH = 3;

    /** How the text is matched. */
    public enum Match {
        /**
         * The name of the company or of the private customer starts with the text; a text with an {@code @} is an
         * email address, and the email of a person starts with it. Answered by an index range at any size.
         */
        STARTS_WITH,
        /**
         * The text appears anywhere in the company's name, city, SIREN or phone, or in the names, emails and phones
         * of its people. Answered by trigram indexes; the cost grows with the number of matches.
         */
        ANYWHERE
    }

    public ClientSearch {
        text = text == null || text.isBlank() ? null : text.strip();
        if (text != null && text.length() > 100) {
            text = text.substring(0, 100);
        }
        if (text == null) {
            match = null;
        } else if (text.length() < TRIGRAM_LENGTH) {
            match = Match.STARTS_WITH;
        }
    }

    public ClientSearch(String text, CompanyStatus status, Long ownerId, ClientKind kind, Match match) {
        this(text, status, ownerId, kind, match, null);
    }

    public ClientSearch(String text, CompanyStatus status, Long ownerId, ClientKind kind) {
        this(text, status, ownerId, kind, null, null);
    }

    public static ClientSearch everything() {
        return new ClientSearch(null, null, null, null);
    }

    public boolean hasText() {
        return text != null;
    }

    /** The text is an email address, or the start of one. */
    public boolean isEmail() {
        return text != null && text.indexOf('@') >= 0;
    }

    /** The same criteria, matched as given. */
    public ClientSearch matching(Match how) {
        return new ClientSearch(text, status, ownerId, kind, how, subsetId);
    }

    /** Whether the list may offer to widen this search to {@link Match#ANYWHERE}. */
    public boolean canWiden() {
        return match == Match.STARTS_WITH && text.length() >= TRIGRAM_LENGTH;
    }

    /** How an automatic search starts: names by their start, but digits (a phone, a SIREN) anywhere. */
    Match firstMatch() {
        return text.chars().anyMatch(Character::isLetter) ? Match.STARTS_WITH : Match.ANYWHERE;
    }
}
