package org.relationcrm.client;

import java.util.List;

/** The head of the 360° page of a company: who they are, who the people are, what dates are coming. */
public record ClientRecord(CompanyCard company, List<ContactCard> contacts, boolean moreContacts,
                           List<UpcomingDate> upcomingDates) {
}
