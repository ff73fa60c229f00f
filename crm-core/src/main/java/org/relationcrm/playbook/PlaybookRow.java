package org.relationcrm.playbook;

import java.time.Instant;
import java.util.Locale;

/**
 * A guide in the list, with its use: times shown in context and opened (every version), votes on its current
 * version. {@code titleFr} or {@code titleEn} is null when that language is not written.
 */
public record PlaybookRow(long id, Situation situation, int revision, Instant updatedAt, String titleFr,
                          String titleEn, long shown, long opened, long useful, long notUseful) {

    /** The title in the reader's language, else the other one. */
    public String title(Language reader) {
        String mine = reader == Language.FR ? titleFr : titleEn;
        return mine != null ? mine : (reader == Language.FR ? titleEn : titleFr);
    }

    public boolean fallsBack(Language reader) {
        return (reader == Language.FR ? titleFr : titleEn) == null;
    }

    public String title(Locale locale) {
        return title(Language.of(locale));
    }

    public boolean fallsBack(Locale locale) {
        return fallsBack(Language.of(locale));
    }
}
