package org.relationcrm.pipeline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.LogInteraction;
import org.relationcrm.pipeline.Opportunity;
import org.relationcrm.pipeline.OpportunityService;
import org.relationcrm.pipeline.Stage;
import org.relationcrm.shared.Channel;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;

/** The deal's rules as a user meets them in the browser: forms, errors, history, timeline, locking, My day. */
@SpringBootTest
@AutoConfigureMockMvc
class OpportunityFlowTests {

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
    InteractionService interactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    WebTestSupport support;
    User sales;
    User manager;
    Company company;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        sales = support.newUser(Role.SALES);
        manager = support.newUser(Role.MANAGER);
        company = support.companyOwnedBy(sales);
    }

    @Test
    void aDealCannotBeOpenedWithoutANextStep() throws Exception {
        mvc.perform(post("/clients/" + company.id() + "/opportunities").with(csrf()).with(support.as(sales))
                        .param("title", "Parc informatique").param("amount", "25000").param("currency", "EUR")
                        .param("expectedCloseOn", today().plusMonths(2).toString()).param("ownerId", sales.id().toString())
                        .param("stage", "PROSPECTING"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Indiquez la prochaine étape.")));
        assertThat(dealsOfCompany()).isZero();

        mvc.perform(post("/clients/" + company.id() + "/opportunities").with(csrf()).with(support.as(sales))
                        .param("title", "Parc informatique").param("amount", "25000").param("currency", "EUR")
                        .param("expectedCloseOn", today().plusMonths(2).toString()).param("ownerId", sales.id().toString())
                        .param("stage", "PROSPECTING").param("nextStepAction", "Appeler la DSI")
                        .param("nextStepDue", today().plusDays(2).toString()))
                .andExpect(status().is3xxRedirection());
        assertThat(dealsOfCompany()).isOne();
        assertThat(events()).containsExactly("OPPORTUNITY_CREATED");
    }

    @Test
    void aSalesRepCannotOpenADealForSomeoneElse() throws Exception {
        User other = support.newUser(Role.SALES);
        mvc.perform(post("/clients/" + company.id() + "/opportunities").with(csrf()).with(support.as(sales))
                        .param("title", "Parc").param("amount", "1000").param("expectedCloseOn", today().plusMonths(1).toString())
                        .param("ownerId", other.id().toString()).param("stage", "PROSPECTING")
                        .param("nextStepAction", "Appeler").param("nextStepDue", today().plusDays(2).toString()))
                .andExpect(status().isForbidden());
        assertThat(dealsOfCompany()).isZero();
    }

    @Test
    void movingStageAsksForTheNextStepAndKeepsTheHistory() throws Exception {
        Opportunity deal = PipelineTestData.deal(opportunities, company.id(), sales, "18000");
        mvc.perform(post("/opportunities/" + deal.id() + "/stage").with(csrf()).with(support.as(sales))
                        .param("stage", "QUALIFIED").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Indiquez la prochaine étape.")));
        assertThat(opportunities.get(deal.id()).stage()).isEqualTo(Stage.PROSPECTING);

        mvc.perform(post("/opportunities/" + deal.id() + "/stage").with(csrf()).with(support.as(sales))
                        .param("stage", "QUALIFIED").param("version", "0").param("nextStepAction", "Envoyer la démo")
                        .param("nextStepDue", today().plusDays(4).toString()))
                .andExpect(redirectedUrl("/opportunities/" + deal.id()));
        Opportunity moved = opportunities.load(deal.id());
        assertThat(moved.stage()).isEqualTo(Stage.QUALIFIED);
        assertThat(moved.nextStep()).isEqualTo("Envoyer la démo");
        assertThat(moved.probability()).isEqualTo(25);
        List<String> history = jdbc.sql("""
                        select coalesce(from_stage, '-') || '>' || to_stage || ':' || changed_by
                        from opportunity_stage_change where opportunity_id = ? order by id""")
                .param(deal.id()).query(String.class).list();
        assertThat(history).containsExactly("->PROSPECTING:" + sales.id(), "PROSPECTING>QUALIFIED:" + sales.id());
        assertThat(events()).containsExactly("OPPORTUNITY_CREATED", "STAGE_CHANGED");
    }

    @Test
    void aLostDealNeedsAReasonAndAComment() throws Exception {
        Opportunity deal = PipelineTestData.deal(opportunities, company.id(), sales, "18000");
        mvc.perform(post("/opportunities/" + deal.id() + "/stage").with(csrf()).with(support.as(sales))
                        .param("stage", "LOST").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Choisissez la raison de la perte.")))
                .andExpect(content().string(Matchers.containsString("Expliquez la perte en quelques mots.")));
        mvc.perform(post("/opportunities/" + deal.id() + "/stage").with(csrf()).with(support.as(sales))
                        .param("stage", "LOST").param("version", "0").param("lostReason", "COMPETITOR")
                        .param("lostComment", "Choix d'un intégrateur local"))
                .andExpect(status().is3xxRedirection());
        Opportunity lost = opportunities.get(deal.id());
        assertThat(lost.stage()).isEqualTo(Stage.LOST);
        assertThat(lost.closedAt()).isNotNull();
        assertThat(events()).containsExactly("OPPORTUNITY_CREATED", "OPPORTUNITY_LOST");
    }

    @Test
    void aDiscountAboveTheThresholdWaitsForAManagerBeforeTheDealIsWon() throws Exception {
        Opportunity deal = PipelineTestData.deal(opportunities, company.id(), sales, "20000");
        mvc.perform(post("/opportunities/" + deal.id() + "/concessions").with(csrf()).with(support.as(sales))
                        .param("type", "DISCOUNT").param("valueKind", "PERCENT").param("value", "15")
                        .param("counterpart", "NONE").param("version", String.valueOf(deal.version())))
                .andExpect(status().is3xxRedirection());
        long concessionId = jdbc.sql("select id from concession where opportunity_id = ? and approval = 'PENDING'")
                .param(deal.id()).query(Long.class).single();
        mvc.perform(get("/opportunities/" + deal.id()).with(support.as(sales)))
                .andExpect(content().string(Matchers.containsString("Sans contrepartie")))
                .andExpect(content().string(Matchers.containsString("3\u202f000\u00a0€ concédés sur 20\u202f000\u00a0€ (15 %)")));
        mvc.perform(get("/concessions/pending").with(support.as(manager)))
                .andExpect(content().string(Matchers.containsString("pending-" + concessionId)));

        mvc.perform(post("/opportunities/" + deal.id() + "/stage").with(csrf()).with(support.as(sales))
                        .param("stage", "WON").param("version", String.valueOf(opportunities.get(deal.id()).version())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("attend l&#39;accord d&#39;un manager")));
        assertThat(opportunities.get(deal.id()).stage()).isEqualTo(Stage.PROSPECTING);

        mvc.perform(post("/opportunities/" + deal.id() + "/concessions/" + concessionId + "/approve").with(csrf())
                        .with(support.as(manager)).param("back", "/concessions/pending"))
                .andExpect(redirectedUrl("/concessions/pending"));
        mvc.perform(post("/opportunities/" + deal.id() + "/stage").with(csrf()).with(support.as(sales))
                        .param("stage", "WON").param("version", String.valueOf(opportunities.get(deal.id()).version())))
                .andExpect(status().is3xxRedirection());
        assertThat(opportunities.get(deal.id()).stage()).isEqualTo(Stage.WON);
        assertThat(events()).containsExactly("OPPORTUNITY_CREATED", "OPPORTUNITY_WON",
                "CARE_CHECK_IN", "CARE_CHECK_IN", "CARE_CHECK_IN");
        // the win starts the care plan: check-ins for the owner at day 7, 30 and 90 after signature
        assertThat(jdbc.sql("""
                        select next_step_due from interaction
                        where company_id = ? and event_type = 'CARE_CHECK_IN' and next_step_assignee_id = ?
                        order by next_step_due""")
                .param(company.id()).param(sales.id()).query(LocalDate.class).list())
                .containsExactly(today().plusDays(7), today().plusDays(30), today().plusDays(90));
    }

    @Test
    void twoEditsOfTheSameVersionDoNotOverwriteEachOther() throws Exception {
        Opportunity deal = PipelineTestData.deal(opportunities, company.id(), sales, "20000");
        var first = post("/opportunities/" + deal.id()).with(csrf()).param("title", "Titre du manager")
                .param("amount", "22000").param("currency", "EUR").param("expectedCloseOn", today().plusMonths(3).toString())
                .param("ownerId", sales.id().toString()).param("version", "0");
        mvc.perform(first.with(support.as(manager))).andExpect(status().is3xxRedirection());
        mvc.perform(post("/opportunities/" + deal.id()).with(csrf()).with(support.as(sales)).param("title", "Titre du commercial")
                        .param("amount", "19000").param("currency", "EUR").param("expectedCloseOn", today().plusMonths(1).toString())
                        .param("ownerId", sales.id().toString()).param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("rien n&#39;a été écrasé")))
                .andExpect(content().string(Matchers.containsString("Titre du manager")));
        Opportunity stored = opportunities.get(deal.id());
        assertThat(stored.title()).isEqualTo("Titre du manager");
        assertThat(stored.amount()).isEqualByComparingTo("22000");
        // a stage move based on an old version is refused too
        mvc.perform(post("/opportunities/" + deal.id() + "/stage").with(csrf()).with(support.as(sales))
                        .param("stage", "QUALIFIED").param("version", "0").param("nextStepAction", "Démo")
                        .param("nextStepDue", today().plusDays(3).toString()))
                .andExpect(status().isOk());
        assertThat(opportunities.get(deal.id()).stage()).isEqualTo(Stage.PROSPECTING);
    }

    @Test
    void aMeetingReportIsAMeetingInteractionLinkedToThePreparationAndTheDeal() throws Exception {
        Opportunity deal = PipelineTestData.deal(opportunities, company.id(), sales, "20000");
        String location = mvc.perform(post("/meetings").with(csrf()).with(support.as(sales))
                        .param("companyId", company.id().toString()).param("opportunityId", deal.id().toString())
                        .param("title", "Démo au siège").param("meetingAt", today().atTime(9, 0).toString())
                        .param("objectives", "Obtenir l'accord du DAF"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long meetingId = Long.parseLong(location.substring("/meetings/".length()));
        mvc.perform(get(location).with(support.as(sales)))
                .andExpect(content().string(Matchers.containsString("Contexte client")))
                .andExpect(content().string(Matchers.containsString("Équipement atelier")));
        mvc.perform(post("/meetings/" + meetingId + "/report").with(csrf()).with(support.as(sales))
                        .param("summary", "Le DAF valide le budget").param("outcome", "Accord de principe")
                        .param("nextStepAction", "Envoyer le contrat").param("nextStepDue", today().plusDays(2).toString())
                        .param("version", "0"))
                .andExpect(redirectedUrl("/opportunities/" + deal.id()));
        var report = jdbc.sql("""
                        select i.channel || '|' || i.summary || '|' || i.company_id from meeting_prep m
                        join interaction i on i.id = m.report_interaction_id where m.id = ?""")
                .param(meetingId).query(String.class).single();
        assertThat(report).isEqualTo("MEETING|Le DAF valide le budget|" + company.id());
        assertThat(opportunities.get(deal.id()).nextStep()).isEqualTo("Envoyer le contrat");
        // one report per meeting
        mvc.perform(post("/meetings/" + meetingId + "/report").with(csrf()).with(support.as(sales))
                        .param("summary", "Encore").param("version", "0"))
                .andExpect(status().isConflict())
                .andExpect(content().string(Matchers.containsString("déjà son compte rendu")));
    }

    @Test
    void myDayShowsNextStepsAssignedToTheUserAndTheirDealsDueSteps() throws Exception {
        User support2 = support.newUser(Role.SUPPORT);
        var call = interactions.log(new LogInteraction(company.id(), Set.of(), Channel.PHONE, Direction.INBOUND,
                clock.instant().minusSeconds(3600), "Client mécontent du délai", null, null, null, null, null),
                support2.asActor());
        jdbc.sql("update interaction set next_step = 'Rappeler le client détracteur', next_step_due = ?, next_step_assignee_id = ? where id = ?")
                .params(today().minusDays(1), sales.id(), call.id()).update();
        Opportunity deal = PipelineTestData.deal(opportunities, company.id(), sales, "9000");
        jdbc.sql("update opportunity set next_step_due = ? where id = ?").params(today(), deal.id()).update();
        jdbc.sql("update opportunity set last_activity_at = now() - interval '40 days' where id = ?").param(deal.id()).update();

        mvc.perform(get("/").with(support.as(sales)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Rappeler le client détracteur")))
                .andExpect(content().string(Matchers.containsString("Appeler l&#39;acheteuse")))
                .andExpect(content().string(Matchers.containsString("id=\"stale\"")))
                .andExpect(content().string(Matchers.containsString("/opportunities/" + deal.id() + "/next-step")));
        // the follow-up, from My day: a new next step
        mvc.perform(post("/opportunities/" + deal.id() + "/next-step").with(csrf()).with(support.as(sales))
                        .param("nextStepAction", "Envoyer la proposition").param("nextStepDue", today().plusDays(5).toString())
                        .param("back", "/").param("version", String.valueOf(opportunities.get(deal.id()).version())))
                .andExpect(redirectedUrl("/"));
        assertThat(opportunities.get(deal.id()).nextStep()).isEqualTo("Envoyer la proposition");
        // the support agent's own day does not show the sales rep's steps
        mvc.perform(get("/").with(support.as(support2)))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Rappeler le client détracteur"))));
    }

    private long dealsOfCompany() {
        return jdbc.sql("select count(*) from opportunity where company_id = ?").param(company.id()).query(Long.class).single();
    }

    private List<String> events() {
        return jdbc.sql("""
                        select event_type from interaction where company_id = ? and kind = 'EVENT' and event_type in
                        ('OPPORTUNITY_CREATED', 'STAGE_CHANGED', 'OPPORTUNITY_WON', 'OPPORTUNITY_LOST', 'CARE_CHECK_IN')
                        order by id""")
                .param(company.id()).query(String.class).list();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
