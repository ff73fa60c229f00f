package org.relationcrm.client;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

import org.relationcrm.client.internal.ClientQueries;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.shared.ListSort;
import org.relationcrm.shared.ReadModel;
import org.relationcrm.shared.Slice;
import org.relationcrm.shared.SortCursor;

/** Reads what every department sees of a client: the same record for sales, support, ADV and managers. */
@Service
@ReadModel
public class ClientRecordService {

    /** How far ahead "upcoming" important dates are shown. */
    public static final int UPCOMING_DAYS = 30;
    /** Contacts shown on the 360° page (primary first); a company with more gets a link to all of them. */
    public static final int CONTACTS_SHOWN = 8;
    /** Contacts per page of a company's people list. */
    public static final int PEOPLE_PAGE = 50;
    /** People offered when logging an interaction with a company. */
    public static final int PEOPLE_IN_FORM = 200;

    private final ClientQueries queries;
    private final Clock clock;

    public ClientRecordService(ClientQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /**
     * The clients list, in the given sort. When the search does not say how to match its text, names are matched by
     * their start (fast at any size, and what people type); if nothing starts with the text, the first page looks for
     * it anywhere (city, SIREN, phone, the people's names and emails). The results say which match was used, so the
     * next pages keep it and the list can offer to widen a "starts with" search.
     */
    public ClientResults search(ClientSearch search, ListSort<ClientSort> sort, SortCursor after, int limit) {
        if (!search.hasText() || search.match() != null) {
            return new ClientResults(search, sort, queries.search(search, sort, after, limit));
        }
        ClientSearch first = search.matching(search.firstMatch());
        Slice<ClientRow, SortCursor> page = queries.search(first, sort, after, limit);
        if (page.rows().isEmpty() && after == null && first.match() == ClientSearch.Match.STARTS_WITH
                && first.canWiden()) {
            ClientSearch anywhere = search.matching(ClientSearch.Match.ANYWHERE);
            return new ClientResults(anywhere, sort, queries.search(anywhere, sort, null, limit));
        }
        return new ClientResults(first, sort, page);
    }

    /** The clients list by name, A to Z. */
    public ClientResults search(ClientSearch search, SortCursor after, int limit) {
        return search(search, ClientSort.byDefault(), after, limit);
    }

    public CompanyCard companyCard(long companyId) {
        return queries.company(companyId).orElseThrow(() -> new NotFoundException("Company", companyId));
    }

    public ClientRecord companyRecord(long companyId) {
        CompanyCard company = companyCard(companyId);
        List<ContactCard> contacts = queries.contactsOf(companyId, 0, CONTACTS_SHOWN + 1);
        boolean more = contacts.size() > CONTACTS_SHOWN;
        return new ClientRecord(company, more ? contacts.subList(0, CONTACTS_SHOWN) : contacts, more,
                upcoming(queries.importantDatesOfCompany(companyId)));
    }

    /** One page of a company's people; the list has one more element than the page when more follow. */
    public List<ContactCard> peopleOf(long companyId, int page) {
        if (page < 0 || page > 10_000) {
            throw new IllegalArgumentException("invalid page");
        }
        return queries.contactsOf(companyId, page * PEOPLE_PAGE, PEOPLE_PAGE + 1);
    }

    /** The people one can tick when logging an interaction with the company. */
    public List<ContactCard> peopleForForm(long companyId) {
        return queries.contactsOf(companyId, 0, PEOPLE_IN_FORM);
    }

    public PersonRecord personRecord(long contactId) {
        ContactCard contact = queries.contact(contactId).orElseThrow(() -> new NotFoundException("Contact", contactId));
        return new PersonRecord(contact, upcoming(queries.importantDatesOfContact(contactId)));
    }

    private List<UpcomingDate> upcoming(List<ContactDate> dates) {
        LocalDate today = LocalDate.now(clock);
        LocalDate horizon = today.plusDays(UPCOMING_DAYS);
        return dates.stream()
                .map(d -> new UpcomingDate(d.contactId(), d.contactName(), d.date().label(),
                        d.date().nextOccurrence(today), d.date().date()))
                .filter(u -> !u.next().isAfter(horizon))
                .sorted(Comparator.comparing(UpcomingDate::next))
                .toList();
    }
}
