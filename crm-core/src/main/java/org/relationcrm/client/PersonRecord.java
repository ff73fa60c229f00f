package org.relationcrm.client;

import java.util.List;

/** The head of the 360° page of one person (a private customer, or someone in a company). */
public record PersonRecord(ContactCard contact, List<UpcomingDate> upcomingDates) {
}
