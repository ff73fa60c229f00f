package org.relationcrm.client.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import org.relationcrm.client.ClientCursor;
import org.relationcrm.client.ClientKind;
import org.relationcrm.client.ClientRecordService;
import org.relationcrm.client.ClientRow;
import org.relationcrm.client.ClientSearch;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.MissingItem;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.Slice;
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

        List<ClientRow> found = search("helene " + tag.toUpperCase());

        assertThat(found).extracting(ClientRow::id).containsExactly(company.id());
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

    @Test
    void pagesThroughMatchesWithoutSkippingOrRepeating() {
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            // identical names on purpose: the id must break ties
            created.add(clients.createCompany(TestData.company("Same " + tag, sales.userId()), sales).id());
        }
        for (int i = 0; i < 4; i++) {
            created.add(clients.addPrivateCustomer(TestData.person("Same", tag, null)).id());
        }

        List<ClientRow> all = new ArrayList<>();
        ClientCursor cursor = null;
        do {
            Slice<ClientRow, ClientCursor> page = records.search(new ClientSearch(tag, null, null, null), cursor, 10);
            all.addAll(page.rows());
            cursor = page.next();
        } while (cursor != null);

        assertThat(all).hasSize(27);
        assertThat(all).extracting(r -> r.kind() + ":" + r.id()).doesNotHaveDuplicates();
    }

    @Test
    void oneOrTwoLettersMatchTheStartOfANameOnly() {
        Company starts = clients.createCompany(TestData.company("Ébénisterie " + tag, sales.userId()), sales);
        Company contains = clients.createCompany(TestData.company("Atelier eb " + tag, sales.userId()), sales);

        List<Long> found = records.search(new ClientSearch("eb", null, null, null), null, 500).rows().stream()
                .map(ClientRow::id).toList();

        assertThat(found).contains(starts.id()).doesNotContain(contains.id());
    }

    @Test
    void rowsCarryTheirCompletenessScore() {
        Company bare = clients.createCompany(TestData.company("Bare " + tag, sales.userId()), sales);

        ClientRow row = search("bare " + tag).getFirst();

        assertThat(row.id()).isEqualTo(bare.id());
        assertThat(row.completeness().missing()).contains(MissingItem.NO_CONTACT, MissingItem.NO_RECENT_INTERACTION,
                MissingItem.NO_LEGAL_ID, MissingItem.NO_WEBSITE);
        assertThat(row.completeness().score()).isEqualTo(100 - 20 - 15 - 15 - 10 - 10 - 5 - 5);
    }

    private List<ClientRow> search(String text) {
        return records.search(new ClientSearch(text, null, null, null), null, 50).rows();
    }
}
