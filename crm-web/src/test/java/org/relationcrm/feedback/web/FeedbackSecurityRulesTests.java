package org.relationcrm.feedback.web;

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
import org.relationcrm.feedback.Complaint;
import org.relationcrm.feedback.ComplaintCategory;
import org.relationcrm.feedback.ComplaintService;
import org.relationcrm.feedback.NewComplaint;
import org.relationcrm.feedback.Severity;
import org.relationcrm.shared.Channel;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;

/** Every feedback route, every role, through the real filter chain and the services' own rules. */
@SpringBootTest
@AutoConfigureMockMvc
class FeedbackSecurityRulesTests {

    static final String MISSING = "999999999";

    @Autowired MockMvc mvc;
    @Autowired UserService users;
    @Autowired UserDetailsService userDetails;
    @Autowired ClientService clients;
    @Autowired ComplaintService complaints;

    WebTestSupport support;
    Map<Role, User> byRole;
    Company company;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        byRole = Map.of(Role.SALES, support.newUser(Role.SALES), Role.SUPPORT, support.newUser(Role.SUPPORT),
                Role.ADV, support.newUser(Role.ADV), Role.MANAGER, support.newUser(Role.MANAGER),
                Role.ADMIN, support.newUser(Role.ADMIN));
        company = support.companyOwnedBy(byRole.get(Role.SALES));
    }

    @Test
    void theComplaintsQueueIsForSupportAndManagers() throws Exception {
        expect(get("/complaints"), Map.of(Role.SALES, 403, Role.SUPPORT, 200, Role.ADV, 403, Role.MANAGER, 200, Role.ADMIN, 403));
        expect(get("/complaints?queue=AT_RISK"), Map.of(Role.SUPPORT, 200, Role.MANAGER, 200, Role.SALES, 403));
    }

    @Test
    void everyoneWhoTalksToClientsRecordsAComplaint() throws Exception {
        String base = "/clients/" + company.id() + "/complaints";
        expect(get(base + "/new"), Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 403));
        // 200: the empty form comes back with its errors, which proves access was granted
        expect(post(base).with(csrf()), Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 403));
    }

    @Test
    void onlySupportAndManagersHandleComplaints() throws Exception {
        for (String step : new String[]{"start", "respond", "escalate", "resolve", "close", "reopen"}) {
            expect(post("/complaints/" + MISSING + "/" + step).with(csrf()).param("version", "0"),
                    Map.of(Role.SALES, 403, Role.SUPPORT, 404, Role.ADV, 403, Role.MANAGER, 404, Role.ADMIN, 403));
        }
    }

    @Test
    void everyRoleReadsAComplaintButLevelTwoIsHandledByAManager() throws Exception {
        Complaint complaint = complaints.open(new NewComplaint(company.id(), null, Channel.PHONE,
                ComplaintCategory.SERVICE, Severity.HIGH, "Panne", "Panne"), null, byRole.get(Role.SUPPORT).asActor());
        expect(get("/complaints/" + complaint.id()),
                Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 200));
        complaints.escalate(complaint.id(), complaint.version(), 2, "Décision commerciale",
                byRole.get(Role.MANAGER).id(), byRole.get(Role.SUPPORT).asActor());
        var resolve = post("/complaints/" + complaint.id() + "/resolve").with(csrf())
                .param("version", String.valueOf(complaints.get(complaint.id()).version()))
                .param("resolution", "Geste commercial").param("rootCause", "PROCESS");
        mvc.perform(resolve.with(support.as(byRole.get(Role.SUPPORT)))).andExpect(status().isForbidden());
        mvc.perform(resolve.with(support.as(byRole.get(Role.MANAGER))))
                .andExpect(redirectedUrl("/complaints/" + complaint.id()));
    }

    @Test
    void salesSupportAndManagersSendAndCategoriseSurveys() throws Exception {
        expect(post("/clients/" + company.id() + "/surveys").with(csrf()).param("contactId", MISSING).param("kind", "NPS"),
                Map.of(Role.SALES, 404, Role.SUPPORT, 404, Role.ADV, 403, Role.MANAGER, 404, Role.ADMIN, 403));
        expect(post("/surveys/" + MISSING + "/theme").with(csrf()).param("version", "0").param("theme", "PRODUCT"),
                Map.of(Role.SALES, 404, Role.SUPPORT, 404, Role.ADV, 403, Role.MANAGER, 404, Role.ADMIN, 403));
    }

    @Test
    void theSurveyPageIsPublicButKeepsCsrf() throws Exception {
        mvc.perform(get("/s/unknown-token-of-enough-length")).andExpect(status().isNotFound());
        mvc.perform(post("/s/unknown-token-of-enough-length").with(csrf()).param("score", "5"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/s/unknown-token-of-enough-length").param("score", "5")).andExpect(status().isForbidden());
        mvc.perform(get("/s/a/b")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void onlyTheOrderDeskMaintainsProductsHeld() throws Exception {
        expect(post("/clients/" + company.id() + "/product-lines").with(csrf()).param("lineId", MISSING),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 404, Role.MANAGER, 403, Role.ADMIN, 403));
        expect(post("/clients/" + company.id() + "/product-lines/" + MISSING + "/remove").with(csrf()),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 404, Role.MANAGER, 403, Role.ADMIN, 403));
    }

    @Test
    void onlyTheAdministratorManagesProductLines() throws Exception {
        expect(get("/admin/product-lines"),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 403, Role.ADMIN, 200));
        expect(post("/admin/product-lines").with(csrf()).param("code", "").param("name", ""),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 403, Role.ADMIN, 302));
        expect(post("/admin/product-lines/" + MISSING).with(csrf()).param("version", "0").param("name", "X"),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 403, Role.ADMIN, 404));
    }

    @Test
    void everyRoleReadsTheRetentionListsAndTheManagerRecomputesRisk() throws Exception {
        for (String url : new String[]{"/risk", "/risk?scope=all", "/silent-clients", "/upcoming-dates", "/whitespace"}) {
            expect(get(url), Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 200));
        }
        expect(post("/risk/refresh").with(csrf()),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 302, Role.ADMIN, 403));
        mvc.perform(get("/risk")).andExpect(redirectedUrl("/login"));
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
