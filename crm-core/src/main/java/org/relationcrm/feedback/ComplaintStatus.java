package org.relationcrm.feedback;

/** OPEN → IN_PROGRESS → RESOLVED → CLOSED; a resolved or closed complaint can be reopened. */
public enum ComplaintStatus {
    OPEN, IN_PROGRESS, RESOLVED, CLOSED;

    public boolean isOpen() {
        return this == OPEN || this == IN_PROGRESS;
    }
}
