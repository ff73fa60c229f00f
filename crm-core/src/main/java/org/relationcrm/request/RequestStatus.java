package org.relationcrm.request;

/**
 * NEW → ACCEPTED → DONE; NEW or ACCEPTED → DECLINED (with a reason) or NEEDS_INFORMATION (back with the requester,
 * whose reply returns it to the queue).
 */
public enum RequestStatus {
    NEW, ACCEPTED, NEEDS_INFORMATION, DONE, DECLINED;

    /** Waiting in the receiving department's queue. */
    public boolean inQueue() {
        return this == NEW || this == ACCEPTED;
    }

    public boolean isOpen() {
        return inQueue() || this == NEEDS_INFORMATION;
    }
}
