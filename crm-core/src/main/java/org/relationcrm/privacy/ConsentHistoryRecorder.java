package org.relationcrm.privacy;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.relationcrm.client.ConsentChanged;

/**
 * Keeps the consent history: a synchronous listener, in the transaction of the change, so a consent and the proof
 * of who recorded it commit together (as the timeline's {@code TimelineRecorder}).
 */
@Component
class ConsentHistoryRecorder {

    private final PrivacyQueries queries;

    ConsentHistoryRecorder(PrivacyQueries queries) {
        this.queries = queries;
    }

    @EventListener
    void on(ConsentChanged changed) {
        queries.appendConsents(changed.contactId(), changed.before(), changed.after(), changed.source(),
                changed.recordedBy(), changed.at());
    }
}
