package org.relationcrm.quality.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.CompanyDetails;
import org.relationcrm.client.CompanyStatus;
import org.relationcrm.client.DuplicateReason;
import org.relationcrm.quality.DuplicatePair;
import org.relationcrm.quality.DuplicatesService;
import org.relationcrm.quality.PairCursor;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.Slice;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/** The possible duplicates list: found by blocks, scored in SQL, paged by keyset, a dismissed pair stays away. */
@SpringBootTest
class DuplicatePairsTests {

    @Autowired ClientService clients;
    @Autowired UserService users;
    @Autowired DuplicatesService duplicates;

    @Test
    void pairsAreFoundScoredPagedAndADismissedPairDoesNotComeBack() {
        Actor manager = TestData.user(users, Role.MANAGER, Department.MANAGEMENT).asActor();
        String tag = TestData.unique("P").replace("-", "");
        Company garage = company("Garage " + tag + " Dupont", "Nantes", null, manager);
        Company garage2 = company("Garage " + tag + " Dupond", "Nantes", null, manager);   // similar name, same city
        Company elsewhere = company("Garage " + tag + " Dupond", "Brest", null, manager);  // same name, another city
        Company callA = company("Alpha " + tag, "Paris", "0612" + digits(tag), manager);
        Company callB = company("Beta " + tag, "Lille", "+33 6 12 " + spaced(digits(tag)), manager);

        duplicates.refresh(manager);
        List<DuplicatePair> mine = all(manager).stream().filter(p -> p.firstName().contains(tag)).toList();
        // hand-computed: phone 40; names 40 x similarity(garage … dupont, garage … dupond), rounded
        assertThat(mine).extracting(DuplicatePair::firstId, DuplicatePair::secondId, DuplicatePair::reasons)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(garage.id(), garage2.id(), List.of(DuplicateReason.NAME_CITY)),
                        org.assertj.core.groups.Tuple.tuple(callA.id(), callB.id(), List.of(DuplicateReason.PHONE)));
        assertThat(mine).filteredOn(p -> p.firstId() == callA.id()).extracting(DuplicatePair::score).containsExactly(40);
        assertThat(mine).noneMatch(p -> p.secondId() == elsewhere.id() || p.firstId() == elsewhere.id());

        duplicates.dismiss(garage2.id(), garage.id(), manager);
        duplicates.refresh(manager);
        assertThat(all(manager)).noneMatch(p -> p.firstId() == garage.id() && p.secondId() == garage2.id());
        assertThat(all(manager)).anyMatch(p -> p.firstId() == callA.id() && p.secondId() == callB.id());
    }

    /** Every page, following the keyset, with no pair twice. */
    private List<DuplicatePair> all(Actor actor) {
        List<DuplicatePair> rows = new ArrayList<>();
        PairCursor after = null;
        do {
            Slice<DuplicatePair, PairCursor> page = duplicates.page(after, actor);
            rows.addAll(page.rows());
            after = page.next();
        } while (after != null);
        assertThat(rows).doesNotHaveDuplicates();
        return rows;
    }

    private static String digits(String tag) {
        StringBuilder d = new StringBuilder();
        for (char c : tag.toCharArray()) {
            d.append(Character.isDigit(c) ? c : (char) ('0' + (c % 10)));
        }
        return d.substring(d.length() - 6);
    }

    private static String spaced(String six) {
        return six.substring(0, 2) + " " + six.substring(2, 4) + " " + six.substring(4);
    }

    private Company company(String name, String city, String phone, Actor actor) {
        return clients.createCompany(new CompanyDetails(name, null, null, null, null, null, city, "France", null, phone,
                CompanyStatus.PROSPECT, actor.userId(), null), actor);
    }
}
