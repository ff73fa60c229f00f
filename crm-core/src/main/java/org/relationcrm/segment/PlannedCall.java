package org.relationcrm.segment;

/** One call of a call list as the rep confirmed it: the person and the message personalised for them. */
public record PlannedCall(long contactId, String message) {
}
