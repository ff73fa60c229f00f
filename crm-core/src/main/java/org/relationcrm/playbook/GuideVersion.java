package org.relationcrm.playbook;

import java.time.Instant;
import java.util.Map;

/** A version of a guide in its history: who wrote it, when, its texts, and the votes it got. */
public record GuideVersion(int revision, Instant writtenAt, String authorName, Map<Language, GuideText> texts,
                           long useful, long notUseful) {

    public GuideVersion {
        texts = Map.copyOf(texts);
    }

    public GuideText text(Language language) {
        return texts.get(language);
    }
}
