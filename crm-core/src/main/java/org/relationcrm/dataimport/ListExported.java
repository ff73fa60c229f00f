package org.relationcrm.dataimport;

/**
 * A user downloaded a list as a file: {@code what} says which list and with which filters (such as
 * {@code clients?status=CUSTOMER}), {@code rows} how many rows it held. For the audit log; published once the
 * last row was written.
 */
public record ListExported(long actorId, String what, long rows) {
}
