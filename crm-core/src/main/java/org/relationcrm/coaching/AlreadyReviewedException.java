package org.relationcrm.coaching;

/** The exchange has been reviewed already (by someone else, or the same form sent twice). */
public class AlreadyReviewedException extends RuntimeException {

    private final long interactionId;

    public AlreadyReviewedException(long interactionId) {
        super("interaction " + interactionId + " is reviewed already");
        this.interactionId = interactionId;
    }

    public long interactionId() {
        return interactionId;
    }
}
