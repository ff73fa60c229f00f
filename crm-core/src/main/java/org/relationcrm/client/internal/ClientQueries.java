package org.relationcrm.client.internal;

import java.util.List;
import java.util.Optional;

import org.relationcrm.client.ClientRow;
import org.relationcrm.client.ClientSearch;
import org.relationcrm.client.ClientSort;
import org.relationcrm.client.CompanyCard;
import org.relationcrm.client.ContactCard;
import org.relationcrm.client.ContactDate;
import org.relationcrm.shared.ListSort;
import org.relationcrm.shared.Slice;
import org.relationcrm.shared.SortCursor;

/**
 * The read side of the client feature: lists and the 360° header, each answered by a fixed number of SQL
 * statements, whatever the size of the data. Implemented with SQL in crm-persistence.
 */
public interface ClientQueries {

    /** A page of clients matching the search, in the sort's order, after the cursor (null: the first page). */
    Slice<ClientRow, SortCursor> search(ClientSearch search, ListSort<ClientSort> sort, SortCursor after, int limit);

    Optional<CompanyCard> company(long companyId);

    /** The people of a company, primary contact first, then by name; {@code limit} of them from {@code offset}. */
    List<ContactCard> contactsOf(long companyId, int offset, int limit);

    Optional<ContactCard> contact(long contactId);

    /** Important dates of the people of a company. */
    List<ContactDate> importantDatesOfCompany(long companyId);

    List<ContactDate> importantDatesOfContact(long contactId);
}
