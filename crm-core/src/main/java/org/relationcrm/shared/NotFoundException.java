package org.relationcrm.shared;

/** A record asked for by id does not exist (shown to users as a 404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
