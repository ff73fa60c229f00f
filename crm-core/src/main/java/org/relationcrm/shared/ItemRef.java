package org.relationcrm.shared;

/** A record as the user saw it when they selected it: its id and its version (optimistic locking). */
public record ItemRef(long id, long version) {
}
