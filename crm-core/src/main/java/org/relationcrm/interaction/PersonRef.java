package org.relationcrm.interaction;

/**
 * A person named on a timeline entry, with the name they like to be called by; {@code name} null: the person was
 * anonymised (the page says so in the reader's words).
 */
public record PersonRef(long id, String name) {
}
