package org.relationcrm.playbook.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
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
import org.relationcrm.feedback.RootCause;
import org.relationcrm.feedback.Severity;
import org.relationcrm.playbook.Language;
import org.relationcrm.playbook.PlaybookReadService;
import org.relationcrm.playbook.PlaybookService;
import org.relationcrm.playbook.Situation;
import org.relationcrm.shared.Channel;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.PlaybookTestData;
import org.relationcrm.testing.SqlStatementCounter;
import org.relationcrm.testing.TestData;

/**
 * A guide in context costs one statement (which also counts it shown), several guides on one page too, and a page
 * that shows none costs none. GET requests only: this context is shared with the other statement counts, which a
 * test's {@code csrf()} would change (it swaps in a CSRF repository kept in the session).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SqlStatementCounter.Config.class)
class PlaybookQueryCountTests {

    @Autowired MockMvc mvc;
    @Autowired SqlStatementCounter counter;
    @Autowired UserService users;
    @Autowired UserDetailsService userDetails;
    @Autowired ClientService clients;
    @Autowired PlaybookService playbooks;
    @Autowired PlaybookReadService reads;
    @Autowired ComplaintService complaints;

    WebTestSupport support;
    User manager;
    User sales;
    User agent;
    Company company;
    String lastPage;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        manager = support.newUser(Role.MANAGER);
        sales = support.newUser(Role.SALES);
        agent = support.newUser(Role.SUPPORT);
        company = support.companyOwnedBy(sales);
    }

    void guide(Situation situation, String title) {
        PlaybookTestData.ensure(playbooks, reads, situation, Map.of(Language.FR, PlaybookTestData.french(title)),
                manager.asActor());
    }

    @Test
    void theGuideUnderANegativeMoodCostsOneStatementAndNoneForAnotherMood() throws Exception {
        String title = TestData.unique("Client mécontent");
        guide(Situation.ANGRY_CLIENT, title);

        assertThat(statements(get("/interactions/mood-guide").param("sentiment", "NEGATIVE")
                .header("HX-Request", "true"), sales)).isEqualTo(1);
        assertThat(lastPage).contains(title, "playbook-angry_client").doesNotContain("<html");
        assertThat(statements(get("/interactions/mood-guide").param("sentiment", "POSITIVE")
                .header("HX-Request", "true"), sales)).isZero();
        assertThat(lastPage).isBlank();
    }

    @Test
    void theComplaintPageShowsTheComplaintAndEscalationGuidesInOneStatement() throws Exception {
        String handling = TestData.unique("Traiter une réclamation");
        String escalation = TestData.unique("Escalader");
        guide(Situation.COMPLAINT_HANDLING, handling);
        guide(Situation.ESCALATION, escalation);
        Complaint complaint = complaints.open(new NewComplaint(company.id(), null, Channel.PHONE,
                ComplaintCategory.DELIVERY, Severity.HIGH, "Colis abîmé", "Arrivé cassé"), agent.id(), agent.asActor());

        String forAgent = page(get("/complaints/" + complaint.id()), agent);
        assertThat(forAgent).contains(handling, escalation, "N&#39;escaladez qu&#39;après", "Deux relances sans réponse");
        String forSales = page(get("/complaints/" + complaint.id()), sales);
        assertThat(forSales).contains(handling).doesNotContain(escalation);

        long withGuides = statements(get("/complaints/" + complaint.id()), agent);
        Complaint done = complaints.resolve(complaint.id(), complaints.get(complaint.id()).version(), "Remplacé",
                RootCause.DELAY, null, agent.asActor());
        complaints.close(done.id(), done.version(), agent.asActor());
        long closed = statements(get("/complaints/" + complaint.id()), agent);
        assertThat(lastPage).doesNotContain(handling);
        assertThat(closed).isEqualTo(withGuides - 1);
    }

    private long statements(MockHttpServletRequestBuilder request, User user) throws Exception {
        request.with(support.as(user));
        counter.reset();
        lastPage = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return counter.count();
    }

    private String page(MockHttpServletRequestBuilder request, User user) throws Exception {
        return mvc.perform(request.with(support.as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
