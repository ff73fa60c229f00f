package org.relationcrm.client;

import java.time.LocalDate;

/** A person's important date coming round soon: who, what, when, and the original date (a birth year, say). */
public record UpcomingDate(long contactId, String contactName, String label, LocalDate next, LocalDate original) {
}
