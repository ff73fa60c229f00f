package org.relationcrm.coaching;

/** The shared grid a review scores, in the order shown. Short on purpose: five things a manager can hear in a call. */
public enum Criterion {
    /** The rep listened before answering. */
    LISTENING,
    /** The client was treated as a person, not a case. */
    PERSONALISATION,
    /** The exchange ended on a clear next step. */
    NEXT_STEP_CLARITY,
    /** The client's emotion was heard and handled. */
    EMOTION_HANDLING,
    /** The company's interests were defended in the negotiation (nothing given without a counterpart). */
    DEFENDING_INTERESTS
}
