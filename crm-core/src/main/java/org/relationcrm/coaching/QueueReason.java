package org.relationcrm.coaching;

/** Why an interaction is in the coaching queue, strongest reason first. */
public enum QueueReason {
    /** The author noted the client's mood as negative. */
    NEGATIVE_MOOD,
    /** A complaint of that client was escalated within a week of the exchange. */
    ESCALATION,
    /** The rep granted that client a concession without a counterpart within a week of the exchange. */
    CONCESSION_WITHOUT_COUNTERPART,
    /** One of the rep's latest exchanges, picked so that every rep is heard. */
    SAMPLE
}
