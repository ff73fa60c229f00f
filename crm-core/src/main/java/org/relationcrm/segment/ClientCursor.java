package org.relationcrm.segment;

/** Where the next page of a segment's clients starts: after this name and id. */
public record ClientCursor(String sortName, long id) {
}
