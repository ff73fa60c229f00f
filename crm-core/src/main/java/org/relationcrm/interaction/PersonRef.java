package org.relationcrm.interaction;

/** A person named on a timeline entry, with the name they like to be called by. */
public record PersonRef(long id, String name) {
}
