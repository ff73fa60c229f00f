package org.relationcrm.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.feedback.CustomerCare;
import org.relationcrm.pipeline.NextStepPlan;
import org.relationcrm.pipeline.Opportunity;
import org.relationcrm.pipeline.OpportunityDetails;
import org.relationcrm.pipeline.OpportunityService;
import org.relationcrm.pipeline.OpportunitySource;
import org.relationcrm.pipeline.Stage;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;

/**
 * A deal is won while feedback's care plan cannot be written (PostgreSQL refuses the win's record for this client,
 * as during an outage): the win and its timeline line are kept, the user's request succeeds, the care plan's
 * publication stays in {@code event_publication} as FAILED; once the database accepts it again, the resubmission
 * job delivers it and the check-ins appear. Everything runs on the test's thread: no sleep, no waiting.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EventPublicationRetryTests {

    /** The app's clock (relation.time-zone): "today" is the app's day, whatever the JVM's zone. */
    @Autowired
    java.time.Clock clock;

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    ClientService clients;
    @Autowired
    OpportunityService opportunities;
    @Autowired
    EventPublicationJobs jobs;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void healTheDatabase() {
        jdbc.sql("drop trigger if exists won_deal_outage on won_deal").update();
        jdbc.sql("drop function if exists won_deal_outage()").update();
    }

    @Test
    void aCarePlanThatFailsIsKeptAndDeliveredLater() throws Exception {
        WebTestSupport support = new WebTestSupport(users, userDetails, clients);
        User sales = support.newUser(Role.SALES);
        Company company = support.companyOwnedBy(sales);
        Opportunity deal = opportunities.open(company.id(), Stage.NEGOTIATION,
                new OpportunityDetails("Maintenance 3 ans", new BigDecimal("48000"), "EUR", null,
                        LocalDate.now(clock).plusMonths(1), sales.id(), OpportunitySource.REFERRAL, Set.of(), Set.of()),
                new NextStepPlan("Signature", LocalDate.now(clock).plusDays(2)), sales.asActor());
        jdbc.sql("""
                create function won_deal_outage() returns trigger language plpgsql as $$
                begin
                    raise exception 'care plan storage unavailable';
                end $$""").update();
        jdbc.sql("create trigger won_deal_outage before insert on won_deal for each row when (new.company_id = "
                + company.id() + ") execute function won_deal_outage()").update();

        mvc.perform(post("/opportunities/" + deal.id() + "/stage").with(csrf()).with(support.as(sales))
                        .param("stage", "WON").param("version", String.valueOf(deal.version())))
                .andExpect(status().is3xxRedirection());

        assertThat(opportunities.get(deal.id()).stage()).as("the win is committed").isEqualTo(Stage.WON);
        assertThat(events(company)).as("with its timeline line, written in the same transaction")
                .containsExactly("OPPORTUNITY_CREATED", "OPPORTUNITY_WON");
        Map<String, Object> publication = publicationOf(deal);
        assertThat(publication).as("the care plan's delivery is kept")
                .containsEntry("listener_id", CustomerCare.LISTENER_ID).containsEntry("status", "FAILED");

        jobs.resubmitOlderThan(Duration.ZERO);
        assertThat(publicationOf(deal)).as("still failing: still kept").containsEntry("status", "FAILED");
        assertThat(events(company)).doesNotContain("CARE_CHECK_IN");

        healTheDatabase();
        jobs.resubmitOlderThan(Duration.ZERO);

        assertThat(events(company)).containsExactly("OPPORTUNITY_CREATED", "OPPORTUNITY_WON",
                "CARE_CHECK_IN", "CARE_CHECK_IN", "CARE_CHECK_IN");
        assertThat(jdbc.sql("select count(*) from won_deal where opportunity_id = ?").param(deal.id())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like ?")
                .param("%\"opportunityId\":" + deal.id() + ",%").query(Long.class).single())
                .as("delivered: the publication is gone").isZero();

        jobs.resubmitOlderThan(Duration.ZERO);
        assertThat(events(company)).as("nothing delivered twice").hasSize(5);
    }

    private List<String> events(Company company) {
        return jdbc.sql("select event_type from interaction where company_id = ? order by id")
                .param(company.id()).query(String.class).list();
    }

    private Map<String, Object> publicationOf(Opportunity deal) {
        return jdbc.sql("select listener_id, status from event_publication where serialized_event like ?")
                .param("%\"opportunityId\":" + deal.id() + ",%").query().singleRow();
    }
}
