package org.relationcrm.pipeline.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.pipeline.MeetingPlan;
import org.relationcrm.pipeline.MeetingPrep;
import org.relationcrm.pipeline.MeetingService;
import org.relationcrm.pipeline.Opportunity;
import org.relationcrm.pipeline.OpportunityService;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;

/** Every pipeline route, every role, through the real filter chain and the services' object rules. */
@SpringBootTest
@AutoConfigureMockMvc
class PipelineSecurityRulesTests {

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
    MeetingService meetings;

    WebTestSupport support;
    Map<Role, User> byRole;
    User otherSales;
    Company company;
    Opportunity deal;
    MeetingPrep meeting;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        byRole = Map.of(Role.SALES, support.newUser(Role.SALES), Role.SUPPORT, support.newUser(Role.SUPPORT),
                Role.ADV, support.newUser(Role.ADV), Role.MANAGER, support.newUser(Role.MANAGER),
                Role.ADMIN, support.newUser(Role.ADMIN));
        otherSales = support.newUser(Role.SALES);
        company = support.companyOwnedBy(byRole.get(Role.SALES));
        deal = PipelineTestData.deal(opportunities, company.id(), byRole.get(Role.SALES), "12000");
        meeting = meetings.prepare(company.id(), deal.id(), new MeetingPlan("Démo", java.time.Instant.now(),
                java.util.Set.of(), "Signer", null, null, null), byRole.get(Role.SALES).asActor());
    }

    @Test
    void myDayIsEveryonesHomePageAndAnonymousVisitorsLogInFirst() throws Exception {
        expect(get("/"), Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 200));
        for (String url : new String[]{"/", "/pipeline", "/opportunities/" + deal.id(), "/pipeline/dashboard",
                "/concessions/pending", "/meetings/" + meeting.id(), "/pipeline/columns/WON"}) {
            mvc.perform(get(url)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        }
    }

    @Test
    void everyoneReadsOpportunitiesAndMeetingsOnTheRecord() throws Exception {
        Map<Role, Integer> all = Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200,
                Role.ADMIN, 200);
        expect(get("/opportunities/" + deal.id()), all);
        expect(get("/meetings/" + meeting.id()), all);
        expect(get("/clients/" + company.id()), all);
    }

    @Test
    void theBoardIsForSalesAndManagersTheDashboardAndApprovalQueueForManagers() throws Exception {
        expect(get("/pipeline"), Map.of(Role.SALES, 200, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 200, Role.ADMIN, 403));
        expect(get("/pipeline/columns/PROSPECTING"),
                Map.of(Role.SALES, 200, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 200, Role.ADMIN, 403));
        expect(get("/pipeline/dashboard"),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 200, Role.ADMIN, 403));
        expect(get("/concessions/pending"),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 200, Role.ADMIN, 403));
    }

    @Test
    void salesAndManagersOpenDealsAndPrepareMeetings() throws Exception {
        Map<Role, Integer> salesAndManagers = Map.of(Role.SALES, 200, Role.SUPPORT, 403, Role.ADV, 403,
                Role.MANAGER, 200, Role.ADMIN, 403);
        expect(get("/clients/" + company.id() + "/opportunities/new"), salesAndManagers);
        // 200: the empty form comes back with its errors, which proves access was granted
        expect(post("/clients/" + company.id() + "/opportunities").with(csrf()), salesAndManagers);
        expect(get("/clients/" + company.id() + "/meetings/new"), salesAndManagers);
        expect(get("/opportunities/" + deal.id() + "/meetings/new"), salesAndManagers);
        expect(post("/meetings").with(csrf()).param("companyId", String.valueOf(company.id())), salesAndManagers);
        expect(get("/meetings/" + meeting.id() + "/report"), salesAndManagers);
        expect(post("/meetings/" + meeting.id() + "/report").with(csrf()), salesAndManagers);
        expect(get("/meetings/" + meeting.id() + "/invitation.ics"), salesAndManagers);
    }

    @Test
    void onlyTheOwnerOrAManagerManagesADeal() throws Exception {
        Map<Role, Integer> ownerAndManager = Map.of(Role.SALES, 200, Role.SUPPORT, 403, Role.ADV, 403,
                Role.MANAGER, 200, Role.ADMIN, 403);
        expect(get("/opportunities/" + deal.id() + "/edit"), ownerAndManager);
        expect(get("/opportunities/" + deal.id() + "/stage"), ownerAndManager);
        // 200: the form comes back with its errors
        expect(post("/opportunities/" + deal.id() + "/stage").with(csrf()), ownerAndManager);
        expect(post("/opportunities/" + deal.id()).with(csrf()), ownerAndManager);
        expect(post("/opportunities/" + deal.id() + "/concessions").with(csrf()), ownerAndManager);
        // 400: a drop without stage nor version is refused with its reason, which proves access was granted
        expect(post("/opportunities/" + deal.id() + "/move").with(csrf()),
                Map.of(Role.SALES, 400, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 400, Role.ADMIN, 403));
        mvc.perform(post("/opportunities/" + deal.id() + "/move").with(csrf()).param("stage", "QUALIFIED")
                        .param("version", String.valueOf(deal.version())).with(support.as(otherSales)))
                .andExpect(status().isForbidden());
        expect(post("/opportunities/" + deal.id() + "/next-step").with(csrf()),
                Map.of(Role.SALES, 302, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 302, Role.ADMIN, 403));
        for (String url : new String[]{"/opportunities/" + deal.id() + "/edit", "/opportunities/" + deal.id() + "/stage"}) {
            mvc.perform(get(url).with(support.as(otherSales))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/opportunities/" + deal.id() + "/next-step").with(csrf())
                        .param("nextStepAction", "Relancer").param("nextStepDue", LocalDate.now(clock).plusDays(2).toString())
                        .with(support.as(otherSales)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/opportunities/" + deal.id() + "/concessions").with(csrf()).param("type", "DISCOUNT")
                        .param("valueKind", "PERCENT").param("value", "5").param("counterpart", "NONE")
                        .with(support.as(otherSales)))
                .andExpect(status().isForbidden());
    }

    @Test
    void onlyAManagerApprovesOrRejectsConcessions() throws Exception {
        var concession = opportunities.grantConcession(deal.id(), deal.version(),
                org.relationcrm.pipeline.ConcessionType.DISCOUNT,
                org.relationcrm.pipeline.ValueKind.PERCENT, new java.math.BigDecimal("15"),
                org.relationcrm.pipeline.Counterpart.NONE, null, byRole.get(Role.SALES).asActor());
        String base = "/opportunities/" + deal.id() + "/concessions/" + concession.id();
        for (Role role : new Role[]{Role.SALES, Role.SUPPORT, Role.ADV, Role.ADMIN}) {
            mvc.perform(post(base + "/approve").with(csrf()).with(support.as(byRole.get(role))))
                    .andExpect(status().isForbidden());
            mvc.perform(post(base + "/reject").with(csrf()).with(support.as(byRole.get(role))))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post(base + "/approve").with(csrf()).with(support.as(byRole.get(Role.MANAGER))))
                .andExpect(status().is3xxRedirection());
        // already decided: nothing left to reject
        mvc.perform(post(base + "/reject").with(csrf()).with(support.as(byRole.get(Role.MANAGER))))
                .andExpect(status().isConflict());
    }

    private void expect(MockHttpServletRequestBuilder request, Map<Role, Integer> expected) throws Exception {
        for (var entry : expected.entrySet()) {
            mvc.perform(request.with(support.as(byRole.get(entry.getKey()))))
                    .andExpect(result -> {
                        int actual = result.getResponse().getStatus();
                        if (actual != entry.getValue()) {
                            throw new AssertionError(request.buildRequest(new org.springframework.mock.web.MockServletContext()).getRequestURI()
                                    + " as " + entry.getKey() + ": expected " + entry.getValue() + " but was " + actual
                                    + (result.getResolvedException() != null ? " (" + result.getResolvedException() + ")" : ""));
                        }
                    });
        }
    }
}
