package org.relationcrm.config;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;

/** Every route, every role: the rule of SecurityConfig and of the services, through the real filter chain. */
@SpringBootTest
@AutoConfigureMockMvc
class SecurityRulesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    ClientService clients;

    WebTestSupport support;
    Map<Role, User> byRole;
    User otherSales;
    Company company;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        byRole = Map.of(Role.SALES, support.newUser(Role.SALES), Role.SUPPORT, support.newUser(Role.SUPPORT),
                Role.ADV, support.newUser(Role.ADV), Role.MANAGER, support.newUser(Role.MANAGER),
                Role.ADMIN, support.newUser(Role.ADMIN));
        otherSales = support.newUser(Role.SALES);
        company = support.companyOwnedBy(byRole.get(Role.SALES));
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
        for (String url : new String[]{"/", "/clients", "/clients/" + company.id(), "/admin/users", "/contacts/new",
                "/search?q=a"}) {
            mvc.perform(get(url)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        }
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    @Test
    void everyRoleReadsTheSame360Record() throws Exception {
        for (User user : byRole.values()) {
            mvc.perform(get("/clients").with(support.as(user))).andExpect(status().isOk());
            mvc.perform(get("/clients/" + company.id()).with(support.as(user))).andExpect(status().isOk());
            mvc.perform(get("/clients/" + company.id() + "/timeline").header("HX-Request", "true").with(support.as(user)))
                    .andExpect(status().isOk());
        }
    }

    @Test
    void everyoneButTheAdministratorLogsInteractions() throws Exception {
        expect(get("/clients/" + company.id() + "/interactions/new"),
                Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 403));
        expect(post("/clients/" + company.id() + "/interactions").with(csrf()),
                // 200: the empty form comes back with its validation errors, which proves access was granted
                Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 403));
        expect(post("/interactions/999999999/next-step/done").with(csrf()).param("version", "0"),
                Map.of(Role.SALES, 404, Role.SUPPORT, 404, Role.ADV, 404, Role.MANAGER, 404, Role.ADMIN, 403));
    }

    @Test
    void everyoneWhoFollowsUpClientsActsOnTheirDayAManagerOpensATeammates() throws Exception {
        // 302: back to My day with a message (nothing selected), which proves access was granted
        for (String route : new String[]{"/my-day/done", "/my-day/reschedule", "/my-day/reassign"}) {
            expect(post(route).with(csrf()),
                    Map.of(Role.SALES, 302, Role.SUPPORT, 302, Role.ADV, 302, Role.MANAGER, 302, Role.ADMIN, 403));
        }
        expect(get("/?of=" + otherSales.id()),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 200, Role.ADMIN, 403));
        expect(get("/"), Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 200));
    }

    @Test
    void supportCannotRegisterCompanies() throws Exception {
        expect(get("/clients/new"),
                Map.of(Role.SALES, 200, Role.SUPPORT, 403, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 200));
        expect(post("/clients").with(csrf()),
                Map.of(Role.SALES, 200, Role.SUPPORT, 403, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 200));
    }

    @Test
    void onlyTheOwnerAManagerOrAnAdministratorEditsACompany() throws Exception {
        expect(get("/clients/" + company.id() + "/edit"),
                Map.of(Role.SALES, 200, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 200, Role.ADMIN, 200));
        mvc.perform(get("/clients/" + company.id() + "/edit").with(support.as(otherSales))).andExpect(status().isForbidden());
        var edit = post("/clients/" + company.id()).with(csrf())
                .param("name", "Renamed").param("status", "CUSTOMER")
                .param("ownerId", String.valueOf(byRole.get(Role.SALES).id())).param("version", "0");
        mvc.perform(edit.with(support.as(otherSales))).andExpect(status().isForbidden());
        mvc.perform(edit.with(support.as(byRole.get(Role.SUPPORT)))).andExpect(status().isForbidden());
    }

    @Test
    void onlyTheAdministratorManagesUsers() throws Exception {
        expect(get("/admin/users"),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 403, Role.ADMIN, 200));
        expect(get("/admin/users/new"),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 403, Role.ADMIN, 200));
        expect(post("/admin/users").with(csrf()),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 403, Role.ADMIN, 200));
        expect(get("/admin/users/" + otherSales.id() + "/edit"),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 403, Role.ADMIN, 200));
        // a stale version: the administrator is sent back to the user's page, the others refused
        expect(post("/admin/users/" + otherSales.id() + "/password-reset").param("version", "999").with(csrf()),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 403, Role.ADMIN, 302));
    }

    @Test
    void managersAndAdminsCoachTheRepReadsAndAnswersTheirReviewsNobodyElseReadsThem(
            @Autowired org.relationcrm.interaction.InteractionService interactions,
            @Autowired org.relationcrm.coaching.CoachingService coaching) throws Exception {
        org.relationcrm.team.Actor rep = byRole.get(Role.SALES).asActor();
        java.util.function.Supplier<Long> call = () -> interactions.log(new org.relationcrm.interaction.LogInteraction(
                company.id(), null, org.relationcrm.shared.Channel.PHONE, org.relationcrm.interaction.Direction.OUTBOUND,
                java.time.Instant.now().minusSeconds(60), "Appel", null, null,
                org.relationcrm.interaction.Sentiment.NEGATIVE, null, null), rep).id();
        long reviewed = call.get();
        long toReview = call.get();
        var scores = new java.util.EnumMap<org.relationcrm.coaching.Criterion, org.relationcrm.coaching.Score>(
                org.relationcrm.coaching.Criterion.class);
        for (var criterion : org.relationcrm.coaching.Criterion.values()) {
            scores.put(criterion, org.relationcrm.coaching.Score.of(3, null, "score"));
        }
        long review = coaching.review(reviewed, scores, null, support.newUser(Role.MANAGER).asActor()).id();

        expect(get("/coaching"),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 200, Role.ADMIN, 200));
        expect(get("/coaching/interactions/" + toReview),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 200, Role.ADMIN, 200));
        // 200: the empty form comes back with its validation errors, which proves access was granted
        expect(post("/coaching/interactions/" + toReview).with(csrf()),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 200, Role.ADMIN, 200));
        // "my coaching": whoever talks to clients
        expect(get("/my-coaching"),
                Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 403));
        // the review of the SALES user's exchange: them, managers and admins; not their colleagues
        expect(get("/coaching/reviews/" + review),
                Map.of(Role.SALES, 200, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 200, Role.ADMIN, 200));
        // 200 for the rep: a stale version comes back with its message; only the rep answers
        expect(post("/coaching/reviews/" + review + "/answer").with(csrf()).param("version", "999")
                        .param("answer", "Merci"),
                Map.of(Role.SALES, 200, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 403, Role.ADMIN, 403));
    }

    @Test
    void everyoneChangesTheirOwnPassword() throws Exception {
        expect(get("/profile/password"),
                Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 200));
        // a form with no field filled in comes back with its messages, whoever posts it
        expect(post("/profile/password").with(csrf()),
                Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 200));
    }

    @Test
    void everyoneMayRecordWhatTheyLearnAboutPeople() throws Exception {
        expect(get("/clients/" + company.id() + "/contacts/new"),
                Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 200));
        expect(get("/contacts/new"),
                Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 200));
    }

    @Test
    void postsWithoutCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/clients").param("name", "No token").with(support.as(byRole.get(Role.SALES))))
                .andExpect(status().isForbidden());
    }

    @Test
    void routesWithoutARuleAreDenied() throws Exception {
        mvc.perform(get("/actuator/env").with(support.as(byRole.get(Role.ADMIN)))).andExpect(status().isForbidden());
        mvc.perform(post("/something/else").with(csrf()).with(support.as(byRole.get(Role.ADMIN))))
                .andExpect(status().isForbidden());
    }

    private void expect(MockHttpServletRequestBuilder request, Map<Role, Integer> expected) throws Exception {
        for (var entry : expected.entrySet()) {
            mvc.perform(request.with(support.as(byRole.get(entry.getKey()))))
                    .andExpect(result -> {
                        int actual = result.getResponse().getStatus();
                        if (actual != entry.getValue()) {
                            throw new AssertionError(request.buildRequest(new org.springframework.mock.web.MockServletContext()).getRequestURI()
                                    + " as " + entry.getKey() + ": expected " + entry.getValue() + " but was " + actual);
                        }
                    });
        }
    }
}
