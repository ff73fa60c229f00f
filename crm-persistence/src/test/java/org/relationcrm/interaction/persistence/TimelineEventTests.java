package org.relationcrm.interaction.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import org.relationcrm.client.ClientRecordService;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.LogInteraction;
import org.relationcrm.interaction.TimelineEntry;
import org.relationcrm.interaction.TimelineEvent;
import org.relationcrm.interaction.TimelineEventType;
import org.relationcrm.interaction.TimelineEvents;
import org.relationcrm.interaction.TimelineFilter;
import org.relationcrm.interaction.TimelineScope;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

@SpringBootTest
class TimelineEventTests {

    @Autowired
    ClientService clients;
    @Autowired
    ClientRecordService records;
    @Autowired
    InteractionService interactions;
    @Autowired
    UserService users;
    @Autowired
    TimelineEvents events;

    @Test
    void anEventFromAnotherFeatureTopsTheTimelineButIsNotAConversationWithTheClient() {
        Actor sales = TestData.user(users, Role.SALES, Department.SALES).asActor();
        Company company = clients.createCompany(TestData.company(TestData.unique("Events"), sales.userId()), sales);
        Instant lastCall = Instant.now().minus(200, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        interactions.log(new LogInteraction(company.id(), Set.of(), Channel.PHONE, Direction.OUTBOUND, lastCall,
                "Dernier appel", null, null, null, null, null), sales);

        events.append(new TimelineEvent(TimelineEventType.OPPORTUNITY_LOST, sales, company.id(), Set.of(), 42L,
                Map.of("title", "Contrat cadre", "reason", "COMPETITOR"), "Moins cher chez X", null), Instant.now());

        TimelineEntry top = interactions.timeline(TimelineScope.company(company.id()), TimelineFilter.none(), null)
                .rows().getFirst();
        assertThat(top.isEvent()).isTrue();
        assertThat(top.eventType()).isEqualTo(TimelineEventType.OPPORTUNITY_LOST);
        assertThat(top.eventArgs()).isEqualTo(Map.of("title", "Contrat cadre", "reason", "COMPETITOR"));
        assertThat(top.subject()).as("no sentence stored for an event").isNull();
        assertThat(top.summary()).as("the user's own words").isEqualTo("Moins cher chez X");
        assertThat(top.channel()).isNull();
        assertThat(top.refId()).isEqualTo(42L);
        // Filtering by channel shows conversations only.
        assertThat(interactions.timeline(TimelineScope.company(company.id()), new TimelineFilter(Channel.PHONE, null), null)
                .rows()).extracting(TimelineEntry::subject).containsExactly("Dernier appel");
        // "Last interaction" (and so completeness and silence) counts conversations, not events.
        assertThat(records.companyRecord(company.id()).company().lastInteractionAt()).isEqualTo(lastCall);
    }
}
