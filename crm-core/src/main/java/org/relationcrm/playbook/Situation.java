package org.relationcrm.playbook;

/**
 * A hard moment a guide is written for; one guide per situation. An escalation's guide also says when to escalate
 * ({@link #takesCriteria()}: "escalate only after…").
 */
public enum Situation {
    ANGRY_CLIENT,
    PRICE_OBJECTION,
    COMPLAINT_HANDLING,
    FOLLOW_UP_AFTER_SILENCE,
    POST_SIGNATURE_CALL,
    MEETING_PREPARATION,
    ESCALATION;

    /** Whether its guide lists the conditions to meet before acting (an escalation's "escalate only after…"). */
    public boolean takesCriteria() {
        return this == ESCALATION;
    }
}
