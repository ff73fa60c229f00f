package org.relationcrm.playbook.internal;

import java.time.Instant;
import java.util.Map;

import org.relationcrm.playbook.GuideText;
import org.relationcrm.playbook.Language;

/** The versions of the guides' texts, appended, never changed (crm-persistence, plain SQL with arrays). */
public interface PlaybookTexts {

    void append(long playbookId, int revision, Map<Language, GuideText> texts, long authorId, Instant at);

    /**
     * One vote per user and version, changed by voting again; false when the guide has no such version.
     */
    boolean vote(long playbookId, int revision, long userId, boolean useful, Instant at);
}
