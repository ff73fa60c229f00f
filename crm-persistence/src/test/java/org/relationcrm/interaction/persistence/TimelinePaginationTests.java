package org.relationcrm.interaction.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.Contact;
import org.relationcrm.interaction.CountedTimeline;
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.LogInteraction;
import org.relationcrm.interaction.TimelineCursor;
import org.relationcrm.interaction.TimelineEntry;
import org.relationcrm.interaction.TimelineFilter;
import org.relationcrm.interaction.TimelineQueries;
import org.relationcrm.interaction.TimelineScope;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.Slice;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

@SpringBootTest
class TimelinePaginationTests {

    static final int INTERACTIONS = 137;

    @Autowired
    ClientService clients;
    @Autowired
    InteractionService interactions;
    @Autowired
    UserService users;
    @Autowired
    TimelineQueries timelines;

    Company company;
    Contact person;
    Set<Long> logged = new HashSet<>();
    Set<Long> phoneCalls = new HashSet<>();
    Set<Long> withPerson = new HashSet<>();

    @BeforeEach
    void aCompanyWithALongHistory() {
        Actor sales = TestData.user(users, Role.SALES, Department.SALES).asActor();
        Actor support = TestData.user(users, Role.SUPPORT, Department.SUPPORT).asActor();
        company = clients.createCompany(TestData.company(TestData.unique("Timeline"), sales.userId()), sales);
        person = clients.addContact(company.id(), TestData.person("Anne", "Martin", null));
        // Several interactions share the same instant: the id must break the tie, or pages would skip or repeat rows.
        Instant base = Instant.now().minus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < INTERACTIONS; i++) {
            Channel channel = i % 3 == 0 ? Channel.PHONE : Channel.EMAIL;
            Actor author = i % 2 == 0 ? sales : support;
            Set<Long> people = i % 4 == 0 ? Set.of(person.id()) : Set.of();
            var entry = new LogInteraction(company.id(), people, channel, Direction.OUTBOUND,
                    base.plus(i / 5, ChronoUnit.HOURS), "Échange " + i, null, null, null, null, null);
            long id = interactions.log(entry, author).id();
            logged.add(id);
            if (channel == Channel.PHONE) {
                phoneCalls.add(id);
            }
            if (!people.isEmpty()) {
                withPerson.add(id);
            }
        }
    }

    @Test
    void pagingThroughACompanyTimelineReturnsEachInteractionExactlyOnceNewestFirst() {
        List<TimelineEntry> all = readAll(TimelineScope.company(company.id()), TimelineFilter.none());

        assertThat(all).extracting(TimelineEntry::id).doesNotHaveDuplicates();
        assertThat(all).extracting(TimelineEntry::id).containsExactlyInAnyOrderElementsOf(logged);
        for (int i = 1; i < all.size(); i++) {
            TimelineEntry newer = all.get(i - 1);
            TimelineEntry older = all.get(i);
            assertThat(newer.occurredAt().isAfter(older.occurredAt())
                    || newer.occurredAt().equals(older.occurredAt()) && newer.id() > older.id()).isTrue();
        }
    }

    @Test
    void channelAndDepartmentFiltersPageThroughTheirOwnRows() {
        List<TimelineEntry> calls = readAll(TimelineScope.company(company.id()), new TimelineFilter(Channel.PHONE, null));
        assertThat(calls).extracting(TimelineEntry::id).containsExactlyInAnyOrderElementsOf(phoneCalls);

        List<TimelineEntry> bySupport = readAll(TimelineScope.company(company.id()),
                new TimelineFilter(null, Department.SUPPORT));
        assertThat(bySupport).hasSize(INTERACTIONS / 2);
        assertThat(bySupport).allMatch(e -> e.authorDepartment() == Department.SUPPORT);
    }

    @Test
    void aPersonsTimelineHoldsTheInteractionsTheyWerePartOf() {
        List<TimelineEntry> theirs = readAll(TimelineScope.contact(person.id()), TimelineFilter.none());
        assertThat(theirs).extracting(TimelineEntry::id).containsExactlyInAnyOrderElementsOf(withPerson);
        assertThat(theirs).allSatisfy(e -> assertThat(e.people()).extracting(p -> p.name()).containsExactly("Anne Martin"));
    }

    @Test
    void theFirstPageHolds25EntriesAndEachNextOne50() {
        var first = interactions.timeline(TimelineScope.company(company.id()), TimelineFilter.none(), null);
        var second = interactions.timeline(TimelineScope.company(company.id()), TimelineFilter.none(), first.next());

        assertThat(first.rows()).hasSize(InteractionService.PAGE_SIZE);
        assertThat(second.rows()).hasSize(InteractionService.NEXT_PAGE_SIZE);
    }

    @Test
    void aTextSearchFindsWordsWhateverTheirAccentsAndCaseAndNothingForAWildcard() {
        Actor sales = TestData.user(users, Role.SALES, Department.SALES).asActor();
        long said = interactions.log(new LogInteraction(company.id(), Set.of(), Channel.PHONE, Direction.INBOUND,
                Instant.now().minus(1, ChronoUnit.DAYS), "Appel entrant", "Le client évoque un PROBLÈME de livraison",
                null, null, null, null), sales).id();
        long outcome = interactions.log(new LogInteraction(company.id(), Set.of(), Channel.EMAIL, Direction.OUTBOUND,
                Instant.now().minus(2, ChronoUnit.DAYS), "Relance", null, "Problème réglé, avoir envoyé", null, null,
                null), sales).id();

        assertThat(readAll(TimelineScope.company(company.id()), new TimelineFilter(null, null, "probleme")))
                .extracting(TimelineEntry::id).containsExactly(said, outcome);
        assertThat(readAll(TimelineScope.company(company.id()), new TimelineFilter(Channel.EMAIL, null, "  Problème ")))
                .extracting(TimelineEntry::id).containsExactly(outcome);
        assertThat(readAll(TimelineScope.company(company.id()), new TimelineFilter(null, null, "%"))).isEmpty();
        assertThat(readAll(TimelineScope.company(company.id()), new TimelineFilter(null, null, "Échange 13")))
                .extracting(TimelineEntry::subject).allMatch(subject -> subject.startsWith("Échange 13"))
                .hasSize(8); // 13 and 130 to 136
    }

    @Test
    void theCountFollowsTheFiltersAndStopsAtItsCap() {
        TimelineScope scope = TimelineScope.company(company.id());

        assertThat(interactions.timelineCount(scope, TimelineFilter.none())).isEqualTo(INTERACTIONS);
        assertThat(interactions.timelineCount(scope, new TimelineFilter(Channel.PHONE, null))).isEqualTo(phoneCalls.size());
        assertThat(interactions.timelineCount(TimelineScope.contact(person.id()), TimelineFilter.none()))
                .isEqualTo(withPerson.size());
        assertThat(timelines.count(scope, TimelineFilter.none(), 100)).as("a whole history: exact").isEqualTo(INTERACTIONS);
        assertThat(timelines.count(scope, new TimelineFilter(null, null, "Échange"), INTERACTIONS))
                .as("all, not more").isEqualTo(INTERACTIONS);
        assertThat(timelines.count(scope, new TimelineFilter(null, null, "Échange"), 100)).as("more than 100")
                .isEqualTo(101);
    }

    @Test
    void theFirstPageComesWithTheSameCountAsCountedAlone() {
        TimelineScope scope = TimelineScope.company(company.id());
        TimelineFilter phone = new TimelineFilter(Channel.PHONE, null);

        CountedTimeline whole = interactions.firstTimelinePage(scope, TimelineFilter.none());
        CountedTimeline calls = interactions.firstTimelinePage(scope, phone);
        CountedTimeline hers = interactions.firstTimelinePage(TimelineScope.contact(person.id()), TimelineFilter.none());
        Company silent = clients.createCompany(TestData.company(TestData.unique("Silence"), company.ownerId()),
                TestData.user(users, Role.SALES, Department.SALES).asActor());
        CountedTimeline none = interactions.firstTimelinePage(TimelineScope.company(silent.id()), TimelineFilter.none());

        assertThat(whole.count()).as("read with the page").isEqualTo(INTERACTIONS);
        assertThat(whole.page().rows()).hasSize(InteractionService.PAGE_SIZE)
                .isEqualTo(interactions.timeline(scope, TimelineFilter.none(), null).rows());
        assertThat(calls.count()).isEqualTo(phoneCalls.size());
        assertThat(calls.page().rows()).allMatch(e -> e.channel() == Channel.PHONE);
        assertThat(hers.count()).isEqualTo(withPerson.size());
        assertThat(none.count()).isZero();
        assertThat(none.page().rows()).isEmpty();
    }

    private List<TimelineEntry> readAll(TimelineScope scope, TimelineFilter filter) {
        List<TimelineEntry> all = new ArrayList<>();
        TimelineCursor cursor = null;
        int pages = 0;
        do {
            Slice<TimelineEntry, TimelineCursor> page = interactions.timeline(scope, filter, cursor);
            assertThat(page.rows().size()).isLessThanOrEqualTo(
                    cursor == null ? InteractionService.PAGE_SIZE : InteractionService.NEXT_PAGE_SIZE);
            all.addAll(page.rows());
            cursor = page.next() == null ? null : TimelineCursor.decode(page.next().encode());
            pages++;
        } while (cursor != null && pages < 100);
        return all;
    }
}
