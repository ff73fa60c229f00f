package org.relationcrm.client.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import org.relationcrm.shared.SortCursor;
import org.relationcrm.client.ClientKind;
import org.relationcrm.client.ClientRecordService;
import org.relationcrm.client.ClientResults;
import org.relationcrm.client.ClientRow;
import org.relationcrm.client.ClientSearch;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.MissingItem;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.persistence.TextMatch;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

@SpringBootTest
class ClientSearchTests {

    @Autowired
    ClientService clients;
    @Autowired
    ClientRecordService records;
    @Autowired
    UserService users;

    Actor sales;
    String tag;

    @BeforeEach
    void setUp() {
        sales = TestData.user(users, Role.SALES, Department.SALES).asActor();
        tag = TestData.unique("zq").replace("-", "");
    }

    @Test
    void findsACompanyByNameIgnoringCaseAndAccents() {
        Company company = clients.createCompany(TestData.company("Boulangerie Hélène " + tag, sales.userId()), sales);

        ClientResults results = records.search(new ClientSearch("helene " + tag.toUpperCase(), null, null, null), null, 50);
        List<ClientRow> found = results.page().rows();

        assertThat(found).extracting(ClientRow::id).containsExactly(company.id());
        // no name starts with it, so the list looked for it anywhere and says so
        assertThat(results.search().match()).isEqualTo(ClientSearch.Match.ANYWHERE);
        assertThat(found.getFirst().kind()).isEqualTo(ClientKind.COMPANY);
    }

    @Test
    void findsTheCompanyOfAPersonByEmailAndByPhone() {
        Company company = clients.createCompany(TestData.company("Acme " + tag, sales.userId()), sales);
        clients.addContact(company.id(), TestData.person("Jeanne", "Durand", "jeanne." + tag + "@acme.fr"));

        assertThat(search("jeanne." + tag + "@acme")).extracting(ClientRow::id).containsExactly(company.id());
        // the person's phone is 06 12 34 56 78; here searched in international form, together with the tag
        assertThat(search("+33 6 12 34 56 78")).extracting(ClientRow::id).contains(company.id());
    }

    @Test
    void privateCustomersAreClientsToo() {
        var person = clients.addPrivateCustomer(TestData.person("Paul", "Lefèvre" + tag, null));

        List<ClientRow> found = search("lefevre" + tag);

        assertThat(found).singleElement().satisfies(row -> {
            assertThat(row.kind()).isEqualTo(ClientKind.PERSON);
            assertThat(row.id()).isEqualTo(person.id());
            assertThat(row.name()).isEqualTo("Paul Lefèvre" + tag);
        });
    }

    @ParameterizedTest
    @EnumSource(ClientSearch.Match.class)
    void pagesThroughMatchesWithoutSkippingOrRepeating(ClientSearch.Match match) {
        for (int i = 0; i < 23; i++) {
            // identical names on purpose: the id must break ties
            clients.createCompany(TestData.company(tag + " Same", sales.userId()), sales);
        }
        for (int i = 0; i < 4; i++) {
            clients.addPrivateCustomer(TestData.person("Same", tag, null));
        }

        List<ClientRow> all = new ArrayList<>();
        ClientSearch search = new ClientSearch(tag, null, null, null, match);
        SortCursor cursor = null;
        do {
            ClientResults results = records.search(search, cursor, 10);
            search = results.search();
            all.addAll(results.page().rows());
            cursor = results.page().next();
        } while (cursor != null);

        assertThat(search.match()).isEqualTo(match);
        assertThat(all).hasSize(27);
        assertThat(all).extracting(r -> r.kind() + ":" + r.id()).doesNotHaveDuplicates();
    }

    @Test
    void oneOrTwoLettersMatchTheStartOfANameOnly() {
        Company starts = clients.createCompany(TestData.company("Ébénisterie " + tag, sales.userId()), sales);
        Company contains = clients.createCompany(TestData.company("Atelier eb " + tag, sales.userId()), sales);

        List<Long> found = records.search(new ClientSearch("eb", null, null, null), null, 500).page().rows().stream()
                .map(ClientRow::id).toList();

        assertThat(found).contains(starts.id()).doesNotContain(contains.id());
    }

    @Test
    void rowsCarryTheirCompletenessScore() {
        Company bare = clients.createCompany(TestData.company("Bare " + tag, sales.userId()), sales);

        ClientRow row = search("bare " + tag).getFirst();

        assertThat(row.id()).isEqualTo(bare.id());
        // entered a moment ago: nobody could have talked to it yet, so no "no recent interaction"
        assertThat(row.completeness().missing()).contains(MissingItem.NO_CONTACT, MissingItem.NO_LEGAL_ID,
                MissingItem.NO_WEBSITE).doesNotContain(MissingItem.NO_RECENT_INTERACTION);
        assertThat(row.completeness().score()).isEqualTo(100 - 20 - 15 - 15 - 10 - 5 - 5);
    }

    private List<ClientRow> search(String text) {
        return records.search(new ClientSearch(text, null, null, null), null, 50).page().rows();
    }

    @Test
    void aNameIsFirstMatchedByItsStartThenAnywhereOnRequest() {
        Company starts = clients.createCompany(TestData.company(tag + " Roussel", sales.userId()), sales);
        Company inside = clients.createCompany(TestData.company("Boulangerie " + tag + " Roussel", sales.userId()), sales);

        ClientResults first = records.search(new ClientSearch(tag + " rou", null, null, null), null, 50);
        ClientResults anywhere = records.search(first.search().matching(ClientSearch.Match.ANYWHERE), null, 50);

        assertThat(first.search().match()).isEqualTo(ClientSearch.Match.STARTS_WITH);
        assertThat(first.search().canWiden()).isTrue();
        assertThat(first.page().rows()).extracting(ClientRow::id).containsExactly(starts.id());
        assertThat(anywhere.page().rows()).extracting(ClientRow::id).containsExactlyInAnyOrder(starts.id(), inside.id());
    }

    @Test
    void anEmailAddressFindsThePersonByTheStartOfTheirEmail() {
        Company company = clients.createCompany(TestData.company("Acme " + tag, sales.userId()), sales);
        clients.addContact(company.id(), TestData.person("Jeanne", "Durand", "Jeanne." + tag + "@acme.fr"));
        var privateCustomer = clients.addPrivateCustomer(TestData.person("Paul", "Martin", "paul." + tag + "@example.org"));

        ClientResults atCompany = records.search(new ClientSearch("jeanne." + tag + "@ACME.fr", null, null, null), null, 50);
        ClientResults privatePerson = records.search(new ClientSearch("paul." + tag + "@", null, null, null), null, 50);

        assertThat(atCompany.search().match()).isEqualTo(ClientSearch.Match.STARTS_WITH);
        assertThat(atCompany.page().rows()).extracting(ClientRow::id).containsExactly(company.id());
        assertThat(privatePerson.page().rows()).singleElement().satisfies(row -> {
            assertThat(row.kind()).isEqualTo(ClientKind.PERSON);
            assertThat(row.id()).isEqualTo(privateCustomer.id());
        });
    }

    @Test
    void digitsAreSearchedAnywhereAtOnce() {
        ClientResults results = records.search(new ClientSearch("0612", null, null, null), null, 5);

        assertThat(results.search().match()).isEqualTo(ClientSearch.Match.ANYWHERE);
    }

    @Test
    void theRangeOfAPrefixEndsJustAfterEveryTextStartingWithIt() {
        assertThat(TextMatch.justAfterEveryStartingWith("dupont")).isEqualTo("duponu");
        assertThat(TextMatch.justAfterEveryStartingWith("anne@acme.f")).isEqualTo("anne@acme.g");
        assertThat(TextMatch.justAfterEveryStartingWith("z\uD83D\uDE00")).isEqualTo("z\uD83D\uDE01");
    }
}
