package org.relationcrm.pipeline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
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
import org.relationcrm.pipeline.MeetingPlan;
import org.relationcrm.pipeline.MeetingPrep;
import org.relationcrm.pipeline.MeetingService;
import org.relationcrm.pipeline.Opportunity;
import org.relationcrm.pipeline.OpportunityService;
import org.relationcrm.pipeline.Stage;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;

/**
 * The deal's rules that could be walked around: every change states the version the user saw, discounts are
 * approved on their total, and only who may manage a deal prepares and reports its meetings.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PipelineLockAndRightsTests {

    /** The app's clock (relation.time-zone): "today" is the app's day, whatever the JVM's zone. */
    @Autowired
    java.time.Clock clock;

    @Autowired MockMvc mvc;
    @Autowired UserService users;
    @Autowired UserDetailsService userDetails;
    @Autowired ClientService clients;
    @Autowired OpportunityService opportunities;
    @Autowired MeetingService meetings;
    @Autowired JdbcClient jdbc;

    WebTestSupport support;
    User owner;
    User otherRep;
    User manager;
    Company company;
    Opportunity deal;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        owner = support.newUser(Role.SALES);
        otherRep = support.newUser(Role.SALES);
        manager = support.newUser(Role.MANAGER);
        company = support.companyOwnedBy(owner);
        deal = PipelineTestData.deal(opportunities, company.id(), owner, "20000");
    }

    @Test
    void aStageChangeWithoutTheVersionSeenIsRefused() throws Exception {
        mvc.perform(post("/opportunities/" + deal.id() + "/stage").with(csrf()).with(support.as(owner))
                        .param("stage", "QUALIFIED").param("nextStepAction", "Démo")
                        .param("nextStepDue", LocalDate.now(clock).plusDays(3).toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Version de la fiche manquante")));
        assertThat(opportunities.get(deal.id()).stage()).isEqualTo(Stage.PROSPECTING);
    }

    @Test
    void aStageChangeOnAStaleVersionGetsTheConflictAnswer() throws Exception {
        long seen = opportunities.get(deal.id()).version();
        // the manager saves a change to the deal meanwhile
        jdbc.sql("update opportunity set version = version + 1, next_step = 'Relancer' where id = ?")
                .param(deal.id()).update();
        mvc.perform(post("/opportunities/" + deal.id() + "/stage").with(csrf()).with(support.as(owner))
                        .param("stage", "QUALIFIED").param("version", String.valueOf(seen))
                        .param("nextStepAction", "Démo").param("nextStepDue", LocalDate.now(clock).plusDays(3).toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("modifiée entre-temps")));
        assertThat(opportunities.get(deal.id()).stage()).isEqualTo(Stage.PROSPECTING);
    }

    @Test
    void aNextStepOrAConcessionNeedsTheVersionSeenAndAStaleOneChangesNothing() throws Exception {
        String due = LocalDate.now(clock).plusDays(2).toString();
        mvc.perform(post("/opportunities/" + deal.id() + "/next-step").with(csrf()).with(support.as(owner))
                        .param("nextStepAction", "Sans version").param("nextStepDue", due))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/opportunities/" + deal.id() + "/next-step").with(csrf()).with(support.as(owner))
                        .param("nextStepAction", "Version périmée").param("nextStepDue", due)
                        .param("version", String.valueOf(deal.version() + 5)))
                .andExpect(status().is3xxRedirection());
        assertThat(opportunities.get(deal.id()).nextStep()).isEqualTo("Appeler l'acheteuse");

        mvc.perform(post("/opportunities/" + deal.id() + "/concessions").with(csrf()).with(support.as(owner))
                        .param("type", "DISCOUNT").param("valueKind", "PERCENT").param("value", "3")
                        .param("counterpart", "NONE"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Version de la fiche manquante")));
        mvc.perform(post("/opportunities/" + deal.id() + "/concessions").with(csrf()).with(support.as(owner))
                        .param("type", "DISCOUNT").param("valueKind", "PERCENT").param("value", "3")
                        .param("counterpart", "NONE").param("counterpartDetail", "Ma saisie")
                        .param("version", String.valueOf(deal.version() + 5)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("modifiée entre-temps")))
                .andExpect(content().string(Matchers.containsString("value=\"Ma saisie\"")));
        assertThat(concessions("DISCOUNT")).isZero();
    }

    @Test
    void tenDiscountsOf999PercentNeedAManagerAndTheDealCannotBeWonMeanwhile() throws Exception {
        for (int i = 0; i < 10; i++) {
            mvc.perform(post("/opportunities/" + deal.id() + "/concessions").with(csrf()).with(support.as(owner))
                            .param("type", "DISCOUNT").param("valueKind", "PERCENT").param("value", "9.99")
                            .param("counterpart", "NONE")
                            .param("version", String.valueOf(opportunities.get(deal.id()).version())))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(jdbc.sql("select count(*) from concession where opportunity_id = ? and approval = 'PENDING'")
                .param(deal.id()).query(Long.class).single()).isEqualTo(9);

        mvc.perform(post("/opportunities/" + deal.id() + "/stage").with(csrf()).with(support.as(owner))
                        .param("stage", "WON").param("version", String.valueOf(opportunities.get(deal.id()).version())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("attend l&#39;accord d&#39;un manager")));
        assertThat(opportunities.get(deal.id()).stage()).isEqualTo(Stage.PROSPECTING);
    }

    @Test
    void aConcessionDecidedTwiceIsToldItIsAlreadyDecided() throws Exception {
        var concession = opportunities.grantConcession(deal.id(), opportunities.get(deal.id()).version(),
                org.relationcrm.pipeline.ConcessionType.DISCOUNT, org.relationcrm.pipeline.ValueKind.PERCENT,
                new java.math.BigDecimal("15"), org.relationcrm.pipeline.Counterpart.NONE, null, owner.asActor());
        String base = "/opportunities/" + deal.id() + "/concessions/" + concession.id();
        mvc.perform(post(base + "/approve").with(csrf()).with(support.as(manager)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(base + "/reject").with(csrf()).with(support.as(manager)))
                .andExpect(status().isConflict())
                .andExpect(content().string(Matchers.containsString("Déjà fait")))
                .andExpect(content().string(Matchers.containsString("déjà reçu une décision")));
    }

    @Test
    void anotherRepCannotPrepareOrReportAMeetingOnTheDealButItsOwnerAndAManagerCan() throws Exception {
        String newMeeting = "/opportunities/" + deal.id() + "/meetings/new";
        mvc.perform(get(newMeeting).with(support.as(otherRep))).andExpect(status().isForbidden());
        mvc.perform(get(newMeeting).with(support.as(owner))).andExpect(status().isOk());
        mvc.perform(get(newMeeting).with(support.as(manager))).andExpect(status().isOk());
        mvc.perform(prepare().with(support.as(otherRep))).andExpect(status().isForbidden());
        mvc.perform(prepare().with(support.as(manager))).andExpect(status().is3xxRedirection());

        MeetingPrep meeting = meetings.prepare(company.id(), deal.id(), new MeetingPlan("Démo", Instant.now(),
                Set.of(), "Signer", null, null, null), owner.asActor());
        Opportunity before = opportunities.get(deal.id());
        String report = "/meetings/" + meeting.id() + "/report";

        mvc.perform(get(report).with(support.as(otherRep))).andExpect(status().isForbidden());
        mvc.perform(get("/meetings/" + meeting.id()).with(support.as(otherRep)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"write-report\""))));
        mvc.perform(post(report).with(csrf()).with(support.as(otherRep))
                        .param("summary", "Pas mon client").param("version", String.valueOf(meeting.version())))
                .andExpect(status().isForbidden());
        Opportunity after = opportunities.get(deal.id());
        assertThat(after.version()).as("the deal is untouched").isEqualTo(before.version());
        assertThat(after.lastActivityAt()).isEqualTo(before.lastActivityAt());
        assertThat(meetings.get(meeting.id()).isReported()).isFalse();

        mvc.perform(get(report).with(support.as(manager))).andExpect(status().isOk());
        mvc.perform(get(report).with(support.as(owner))).andExpect(status().isOk());
        mvc.perform(post(report).with(csrf()).with(support.as(owner))
                        .param("summary", "Le DAF valide").param("version", String.valueOf(meeting.version())))
                .andExpect(status().is3xxRedirection());
        assertThat(meetings.get(meeting.id()).isReported()).isTrue();
    }

    @Test
    void aMeetingWithoutADealIsReportedByItsAuthorOrAManager() throws Exception {
        MeetingPrep meeting = meetings.prepare(company.id(), null, new MeetingPlan("Visite", Instant.now(),
                Set.of(), null, null, null, null), owner.asActor());
        String report = "/meetings/" + meeting.id() + "/report";
        mvc.perform(get(report).with(support.as(otherRep))).andExpect(status().isForbidden());
        mvc.perform(get(report).with(support.as(manager))).andExpect(status().isOk());
        mvc.perform(get(report).with(support.as(owner))).andExpect(status().isOk());
    }

    @Test
    void aMeetingReportWithoutTheVersionSeenIsRefused() throws Exception {
        MeetingPrep meeting = meetings.prepare(company.id(), deal.id(), new MeetingPlan("Démo", Instant.now(),
                Set.of(), null, null, null, null), owner.asActor());
        mvc.perform(post("/meetings/" + meeting.id() + "/report").with(csrf()).with(support.as(owner))
                        .param("summary", "Le DAF valide"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Version de la fiche manquante")))
                .andExpect(content().string(Matchers.containsString("Le DAF valide")));
        assertThat(meetings.get(meeting.id()).isReported()).isFalse();
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder prepare() {
        return post("/meetings").with(csrf()).param("companyId", company.id().toString())
                .param("opportunityId", deal.id().toString()).param("title", "Démo")
                .param("meetingAt", LocalDate.now(clock).plusDays(1).atTime(10, 0).toString());
    }

    private long concessions(String type) {
        return jdbc.sql("select count(*) from concession where opportunity_id = ? and type = ?")
                .params(deal.id(), type).query(Long.class).single();
    }
}
