package org.relationcrm.shared;

/** The acting user's role does not allow this action on this record (shown as a 403). */
public class ForbiddenActionException extends RuntimeException {

    public ForbiddenActionException(String message) {
        super(message);
    }
}
