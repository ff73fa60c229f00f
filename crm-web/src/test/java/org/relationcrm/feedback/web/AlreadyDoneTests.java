package org.relationcrm.feedback.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.relationcrm.SimultaneousRequests;
import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.Contact;
import org.relationcrm.feedback.Complaint;
import org.relationcrm.feedback.ComplaintCategory;
import org.relationcrm.feedback.ComplaintService;
import org.relationcrm.feedback.ComplaintStatus;
import org.relationcrm.feedback.NewComplaint;
import org.relationcrm.feedback.Severity;
import org.relationcrm.feedback.SurveyKind;
import org.relationcrm.feedback.SurveyService;
import org.relationcrm.shared.Channel;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * A step sent twice, one after the other or at the very same moment (two tabs, a double click, two colleagues):
 * one goes through, the other is told it was already done. Never a 500, never done twice.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AlreadyDoneTests {

    @Autowired MockMvc mvc;
    @Autowired UserService users;
    @Autowired UserDetailsService userDetails;
    @Autowired ClientService clients;
    @Autowired ComplaintService complaints;
    @Autowired SurveyService surveys;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;

    WebTestSupport support;
    User agent;
    User colleague;
    Company company;
    Contact person;

    /** What a request answered: its status and page, a 500 for an exception that escaped the app. */
    record Answer(int status, String page) {
    }

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        User sales = support.newUser(Role.SALES);
        agent = support.newUser(Role.SUPPORT);
        colleague = support.newUser(Role.SUPPORT);
        company = support.companyOwnedBy(sales);
        person = clients.addContact(company.id(), TestData.person("Anne", "Roux", "anne@x.example"));
    }

    @Test
    void twoSimultaneousAnswersToOneSurveyKeepOneAndTellTheOtherItIsAlreadyAnswered() throws Exception {
        var sent = surveys.send(SurveyKind.NPS, person.id(), false, agent.asActor());
        String token = sent.survey().token();

        List<Answer> answers = SimultaneousRequests.run(dataSource, "survey", sent.survey().id(), List.of(
                answer(token, "9"), answer(token, "2")));

        assertThat(answers).extracting(Answer::status).containsExactlyInAnyOrder(302, 410);
        Answer refused = answers.stream().filter(a -> a.status() == 410).findFirst().orElseThrow();
        assertThat(refused.page()).contains("Vous avez déjà répondu");
        assertThat(jdbc.sql("select count(*) from interaction where event_type = 'SURVEY_ANSWERED' and ref_id = :id")
                .param("id", sent.survey().id()).query(Integer.class).single()).as("answered once").isEqualTo(1);
    }

    @Test
    void twoSimultaneousResolutionsOfOneComplaintResolveItOnceAndTellTheOtherItIsAlreadyDone() throws Exception {
        Complaint complaint = newComplaint();

        List<Answer> answers = SimultaneousRequests.run(dataSource, "complaint", complaint.id(), List.of(
                resolve(complaint, agent, "Avoir émis", "fr"), resolve(complaint, colleague, "Geste commercial", "fr")));

        assertThat(answers).extracting(Answer::status).containsExactlyInAnyOrder(302, 409);
        Answer refused = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
        assertThat(refused.page()).contains("Déjà fait").contains("Résolue").contains("Voir la réclamation")
                .doesNotContain("Exception");
        assertThat(resolvedEvents(complaint)).as("resolved once").isEqualTo(1);
        assertThat(complaints.get(complaint.id()).status()).isEqualTo(ComplaintStatus.RESOLVED);
    }

    @Test
    void aResolutionSentAgainAfterTheFirstIsSavedIsToldItIsAlreadyDoneInFrenchAndEnglish() throws Exception {
        Complaint complaint = newComplaint();

        assertThat(resolve(complaint, agent, "Avoir émis", "fr").call().status()).isEqualTo(302);
        Answer again = resolve(complaint, agent, "Avoir émis", "fr").call();
        Answer inEnglish = resolve(complaint, colleague, "Credit note", "en").call();

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.page()).contains("Déjà fait").contains("Résolue");
        assertThat(inEnglish.status()).isEqualTo(409);
        assertThat(inEnglish.page()).contains("Already done").contains("Resolved").doesNotContain("Déjà fait");
        assertThat(resolvedEvents(complaint)).isEqualTo(1);
        assertThat(complaints.get(complaint.id()).resolution()).isEqualTo("Avoir émis");
    }

    @Test
    void aComplaintStepWithoutTheVersionSeenIsRefused() throws Exception {
        Complaint complaint = newComplaint();
        Answer answer = perform(post("/complaints/" + complaint.id() + "/start").with(csrf())
                .with(support.as(agent)));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(complaints.get(complaint.id()).status()).isEqualTo(ComplaintStatus.OPEN);
    }

    private Complaint newComplaint() {
        return complaints.open(new NewComplaint(company.id(), null, Channel.EMAIL, ComplaintCategory.BILLING,
                Severity.MEDIUM, "Facture en double", "Facture en double"), agent.id(), agent.asActor());
    }

    private int resolvedEvents(Complaint complaint) {
        return jdbc.sql("select count(*) from interaction where event_type = 'COMPLAINT_RESOLVED' and ref_id = :id")
                .param("id", complaint.id()).query(Integer.class).single();
    }

    private Callable<Answer> answer(String token, String score) {
        return () -> perform(post("/s/" + token).with(csrf()).param("lang", "fr").param("score", score));
    }

    private Callable<Answer> resolve(Complaint complaint, User who, String what, String lang) {
        return () -> perform(post("/complaints/" + complaint.id() + "/resolve").with(csrf()).with(support.as(who))
                .param("lang", lang).param("resolution", what).param("rootCause", "BILLING_ERROR")
                .param("version", String.valueOf(complaint.version())));
    }

    private Answer perform(MockHttpServletRequestBuilder request) {
        try {
            var response = mvc.perform(request).andReturn().getResponse();
            return new Answer(response.getStatus(), response.getContentAsString());
        } catch (Exception e) {
            return new Answer(500, String.valueOf(e));
        }
    }
}
