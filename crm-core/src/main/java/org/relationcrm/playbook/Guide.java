package org.relationcrm.playbook;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * A guide as a reader sees it: its current version in each language written, and this reader's vote on that
 * version ({@code myVote}: true useful, false not useful, null none yet). {@code version} is the optimistic lock
 * an edit is made on.
 */
public record Guide(long id, Situation situation, long version, int revision, Instant updatedAt, String updatedByName,
                    Map<Language, GuideText> texts, Boolean myVote) {

    public Guide {
        texts = Map.copyOf(texts);
    }

    /** The language the reader gets: theirs when written, else the other one. */
    public Language shownIn(Language reader) {
        return texts.containsKey(reader) ? reader : reader.other();
    }

    /** The text the reader gets (see {@link #shownIn}). */
    public GuideText in(Language reader) {
        return texts.get(shownIn(reader));
    }

    /** Whether the reader gets the other language, their own being missing (the page says so). */
    public boolean fallsBack(Language reader) {
        return !texts.containsKey(reader);
    }

    /** {@link #in(Language)} for a page's locale. */
    public GuideText in(Locale locale) {
        return in(Language.of(locale));
    }

    /** {@link #fallsBack(Language)} for a page's locale. */
    public boolean fallsBack(Locale locale) {
        return fallsBack(Language.of(locale));
    }

    public GuideText text(Language language) {
        return texts.get(language);
    }
}
