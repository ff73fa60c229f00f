package org.relationcrm.client.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.relationcrm.client.ClientKind;
import org.relationcrm.client.ClientRecordService;
import org.relationcrm.client.ClientResults;
import org.relationcrm.client.ClientRow;
import org.relationcrm.client.ClientSearch;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.ClientSort;
import org.relationcrm.client.Company;
import org.relationcrm.client.CompanyDetails;
import org.relationcrm.client.CompanyStatus;
import org.relationcrm.client.Contact;
import org.relationcrm.client.ContactDetails;
import org.relationcrm.client.Consent;
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.LogInteraction;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.ListSort;
import org.relationcrm.shared.SortCursor;
import org.relationcrm.shared.SortDirection;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * The clients list sorts by each of its columns, both ways, in SQL: pages of 3 follow one another without a gap or
 * a repeat, companies and private people mixed, and rows without a value (no city, no status, no owner, never
 * talked to) come last whichever the direction.
 */
@SpringBootTest
class ClientListSortTests {

    @Autowired ClientService clients;
    @Autowired ClientRecordService records;
    @Autowired InteractionService interactions;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;

    String tag;
    User anne;
    User bruno;
    /** What the test knows of each row it created, by "KIND:id". */
    final Map<String, Expected> expected = new HashMap<>();

    record Expected(String key, String name, String city, Integer status, String owner, Instant lastExchange) {
    }

    @BeforeEach
    void setUp() {
        tag = TestData.unique("srt").replace("-", "");
        anne = TestData.user(users, Role.SALES, Department.SALES);
        bruno = TestData.user(users, Role.SALES, Department.SALES);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        company("b", "Lyon", CompanyStatus.CUSTOMER, anne, now.minus(3, ChronoUnit.DAYS));
        company("a", null, CompanyStatus.PROSPECT, bruno, null);
        company("d", "annecy", CompanyStatus.FORMER_CUSTOMER, anne, now.minus(40, ChronoUnit.DAYS));
        company("c", "Brest", CompanyStatus.CUSTOMER, bruno, now.minus(3, ChronoUnit.DAYS)); // ties with "b"
        company("c", "Lyon", CompanyStatus.PROSPECT, anne, null); // same name: the id breaks the tie
        company("e", null, CompanyStatus.CUSTOMER, bruno, now.minus(400, ChronoUnit.DAYS));
        person("b", "Lyon", now.minus(1, ChronoUnit.DAYS));
        person("f", null, null);
        person("a", "Brest", null);
    }

    private void company(String suffix, String city, CompanyStatus status, User owner, Instant lastExchange) {
        Company company = clients.createCompany(new CompanyDetails(tag + " " + suffix, null, null, null, null, null,
                city, "France", null, null, status, owner.id(), null), owner.asActor());
        if (lastExchange != null) {
            exchange(company.id(), null, lastExchange.minus(30, ChronoUnit.DAYS), owner);
            exchange(company.id(), null, lastExchange, owner);
        }
        expected.put("COMPANY:" + company.id(), new Expected(tag + " " + suffix, tag + " " + suffix, city,
                status.ordinal() + 1, owner.fullName(), lastExchange));
    }

    private void person(String firstName, String city, Instant lastExchange) {
        Contact person = clients.addPrivateCustomer(new ContactDetails(null, firstName, tag, null, null, null, null,
                null, city, null, "fr", null, null, null, Consent.none()));
        if (lastExchange != null) {
            exchange(null, person.id(), lastExchange, anne);
        }
        expected.put("PERSON:" + person.id(), new Expected(tag + " " + firstName, firstName + " " + tag, city, null,
                null, lastExchange));
    }

    private void exchange(Long companyId, Long contactId, Instant at, User author) {
        interactions.log(new LogInteraction(companyId, contactId == null ? Set.of() : Set.of(contactId), Channel.PHONE,
                Direction.OUTBOUND, at, "Appel", null, null, null, null, null), author.asActor());
    }

    @ParameterizedTest
    @EnumSource(ClientSort.class)
    void eachColumnSortsAscendingThenDescendingPageAfterPage(ClientSort column) {
        for (SortDirection direction : SortDirection.values()) {
            ListSort<ClientSort> sort = ListSort.of(column, direction, ClientSort.byDefault());

            List<String> shown = allPages(new ClientSearch(tag, null, null, null), sort, 3);

            assertThat(shown).as("%s %s", column, direction).isEqualTo(expectedOrder(column, direction));
        }
    }

    @Test
    void theOwnerAndStatusFiltersKeepTheirSortAndLeaveThePeopleOut() {
        ListSort<ClientSort> byCityDown = new ListSort<>(ClientSort.CITY, true);

        List<String> shown = allPages(new ClientSearch(tag, null, anne.id(), null), byCityDown, 2);

        assertThat(shown).isEqualTo(expectedOrder(ClientSort.CITY, SortDirection.DESC).stream()
                .filter(key -> key.startsWith("COMPANY:") && anne.fullName().equals(expected.get(key).owner()))
                .toList());
    }

    @Test
    void aCallLoggedNowPutsTheClientFirstByLastInteraction() {
        String first = allPages(new ClientSearch(tag, null, null, null), new ListSort<>(ClientSort.LAST_INTERACTION, true), 50)
                .getFirst();
        String never = expected.entrySet().stream().filter(e -> e.getKey().startsWith("COMPANY:")
                && e.getValue().lastExchange() == null).map(Map.Entry::getKey).findFirst().orElseThrow();
        long id = Long.parseLong(never.substring("COMPANY:".length()));

        exchange(id, null, Instant.now(), anne);

        List<String> after = allPages(new ClientSearch(tag, null, null, null), new ListSort<>(ClientSort.LAST_INTERACTION, true), 50);
        assertThat(after.getFirst()).isEqualTo(never).isNotEqualTo(first);
        assertThat(jdbc.sql("select count(*) from company_last_exchange where company_id = :id").param("id", id)
                .query(Integer.class).single()).isOne();
    }

    @Test
    void aCursorOfAnotherSortIsRefused() {
        ListSort<ClientSort> byCity = new ListSort<>(ClientSort.CITY, false);
        SortCursor cursor = records.search(new ClientSearch(tag, null, null, null), byCity, null, 2).page().next();

        assertThatIllegalArgumentException().isThrownBy(() -> SortCursor.decode(cursor.encode(),
                new ListSort<>(ClientSort.CITY, true)));
        ListSort<ClientSort> byLastInteraction = new ListSort<>(ClientSort.LAST_INTERACTION, false);
        for (String key : new String[]{"not a date", "9999-12-31T00:00:00Z", "2026-01-01"}) {
            String forged = new SortCursor(byLastInteraction.code(), false, key, "0", 1).encode();
            assertThatIllegalArgumentException().as(key).isThrownBy(() -> SortCursor.decode(forged, byLastInteraction));
        }
        assertThat(SortCursor.decode(new SortCursor(byLastInteraction.code(), false, "2026-01-01T10:00:00Z", "1", 1)
                .encode(), byLastInteraction)).isNotNull();
    }

    private List<String> allPages(ClientSearch search, ListSort<ClientSort> sort, int size) {
        List<String> shown = new ArrayList<>();
        SortCursor cursor = null;
        int pages = 0;
        do {
            ClientResults results = records.search(search, sort, cursor, size);
            search = results.search();
            results.page().rows().forEach(row -> shown.add(row.kind() + ":" + row.id()));
            cursor = results.page().next();
            // a cursor survives its trip through a URL
            cursor = cursor == null ? null : SortCursor.decode(cursor.encode(), sort);
        } while (cursor != null && ++pages < 50);
        return shown;
    }

    /** The order the list must show: by the column (rows without a value last), then companies first, then by id. */
    private List<String> expectedOrder(ClientSort column, SortDirection direction) {
        Function<Expected, Comparable<?>> value = switch (column) {
            case NAME -> e -> e.key().toLowerCase(Locale.ROOT);
            case CITY -> e -> e.city() == null ? null : e.city().toLowerCase(Locale.ROOT);
            case STATUS -> Expected::status;
            case OWNER -> e -> e.owner() == null ? null : e.owner().toLowerCase(Locale.ROOT) + "\u0001"
                    + e.key().toLowerCase(Locale.ROOT);
            case LAST_INTERACTION -> Expected::lastExchange;
        };
        @SuppressWarnings({"unchecked", "rawtypes"})
        Comparator<String> byValue = (a, b) -> {
            Comparable x = value.apply(expected.get(a));
            Comparable y = value.apply(expected.get(b));
            return x.compareTo(y);
        };
        Comparator<String> byKindThenId = Comparator.<String, Boolean>comparing(k -> k.startsWith("PERSON:"))
                .thenComparing(k -> Long.parseLong(k.substring(k.indexOf(':') + 1)));
        Comparator<String> withValues = byValue.thenComparing(byKindThenId);
        Comparator<String> withoutValues = byKindThenId;
        if (direction == SortDirection.DESC) {
            withValues = withValues.reversed();
            withoutValues = withoutValues.reversed();
        }
        List<String> keys = new ArrayList<>(expected.keySet());
        List<String> valued = keys.stream().filter(k -> value.apply(expected.get(k)) != null).sorted(withValues).toList();
        List<String> empty = keys.stream().filter(k -> value.apply(expected.get(k)) == null).sorted(withoutValues).toList();
        List<String> order = new ArrayList<>(valued);
        order.addAll(empty);
        assertThat(order).hasSize(expected.size());
        return order;
    }

    @Test
    void theRowsShowWhatTheyAreSortedBy() {
        List<ClientRow> rows = records.search(new ClientSearch(tag, null, null, null),
                new ListSort<>(ClientSort.LAST_INTERACTION, true), null, 50).page().rows();

        assertThat(rows).allSatisfy(row -> assertThat(row.lastInteractionAt())
                .isEqualTo(expected.get(row.kind() + ":" + row.id()).lastExchange()));
        assertThat(rows).filteredOn(row -> row.kind() == ClientKind.PERSON).hasSize(3);
    }
}
