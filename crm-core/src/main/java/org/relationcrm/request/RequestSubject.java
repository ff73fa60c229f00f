package org.relationcrm.request;

/**
 * What else a request is about, besides the client: a deal or a complaint (an order later), kept as a kind and an
 * id so that a new kind of record needs no new column.
 */
public enum RequestSubject {
    OPPORTUNITY, COMPLAINT;

    /** The page of the record, for a link. */
    public String path(long id) {
        return switch (this) {
            case OPPORTUNITY -> "/opportunities/" + id;
            case COMPLAINT -> "/complaints/" + id;
        };
    }
}
