package org.relationcrm.client;

/** An important date with the person it belongs to, as read from the database. */
public record ContactDate(long contactId, String contactName, ImportantDate date) {
}
