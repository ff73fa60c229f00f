package org.relationcrm.quality.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.MissingItem;
import org.relationcrm.quality.CompletenessPoint;
import org.relationcrm.quality.CompletenessStore;
import org.relationcrm.quality.LeastComplete;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/** The completeness snapshots: scores by the one rule, a rep's least complete clients, the trend per week. */
@SpringBootTest
class CompletenessTrendTests {

    @Autowired ClientService clients;
    @Autowired UserService users;
    @Autowired CompletenessStore store;

    @Test
    void eachRepsAverageIsKeptPerWeekAndTheLeastCompleteClientsComeFirst() {
        Actor rep = TestData.user(users, Role.SALES, Department.SALES).asActor();
        String tag = TestData.unique("Compl");
        // sector and city, entered today, no SIREN, no website: 100 - 5 - 5 = 90 with a reachable main contact,
        // 90 - 20 (no one) - 15 (no email) - 15 (no phone) - 10 (no channel) = 30 without anyone
        Company bare = clients.createCompany(TestData.company(tag + " A", rep.userId()), rep);
        Company known = clients.createCompany(TestData.company(tag + " B", rep.userId()), rep);
        clients.addContact(known.id(), TestData.person("Anne", "Martin", "anne@" + tag + ".fr"));

        LocalDate monday = LocalDate.of(2026, 11, 16);
        store.snapshot(monday, Instant.now());
        List<LeastComplete> least = store.leastComplete(5).stream().filter(c -> c.ownerId() == rep.userId()).toList();
        assertThat(least).extracting(LeastComplete::companyId, LeastComplete::score)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(bare.id(), 30),
                        org.assertj.core.groups.Tuple.tuple(known.id(), 90));
        assertThat(least.getFirst().missing()).startsWith(MissingItem.NO_CONTACT, MissingItem.NO_MAIN_CONTACT_EMAIL);

        // a week later the rep has added someone to the bare record: both at 90
        clients.addContact(bare.id(), TestData.person("Bruno", "Caron", "bruno@" + tag + ".fr"));
        store.snapshot(monday.plusDays(9), Instant.now()); // a Wednesday: the week of the 23rd
        List<CompletenessPoint> mine = store.trend(monday.minusDays(1)).stream()
                .filter(p -> p.ownerId() != null && p.ownerId() == rep.userId()).toList();
        assertThat(mine).extracting(CompletenessPoint::day, CompletenessPoint::companies, CompletenessPoint::average,
                        CompletenessPoint::complete)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(monday, 2, 60, 0),
                        org.assertj.core.groups.Tuple.tuple(monday.plusDays(7), 2, 90, 0));
        assertThat(store.trend(monday.minusDays(1))).anyMatch(p -> p.ownerId() == null && p.day().equals(monday));
    }
}
