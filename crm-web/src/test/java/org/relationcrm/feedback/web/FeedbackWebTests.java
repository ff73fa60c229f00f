package org.relationcrm.feedback.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.relationcrm.client.Consent;
import org.relationcrm.client.Contact;
import org.relationcrm.client.ContactDetails;
import org.relationcrm.feedback.Complaint;
import org.relationcrm.feedback.ComplaintCategory;
import org.relationcrm.feedback.ComplaintService;
import org.relationcrm.feedback.NewComplaint;
import org.relationcrm.feedback.SentSurvey;
import org.relationcrm.feedback.Severity;
import org.relationcrm.feedback.SurveyKind;
import org.relationcrm.feedback.SurveyService;
import org.relationcrm.shared.Channel;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/** Feedback forms and the public survey page over HTTP: validation, consent, single use, expiry, language. */
@SpringBootTest
@AutoConfigureMockMvc
class FeedbackWebTests {

    @Autowired MockMvc mvc;
    @Autowired UserService users;
    @Autowired UserDetailsService userDetails;
    @Autowired ClientService clients;
    @Autowired ComplaintService complaints;
    @Autowired SurveyService surveys;
    @Autowired JdbcClient jdbc;

    WebTestSupport support;
    User sales;
    User agent;
    Company company;
    Contact consenting;
    Contact noConsent;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        sales = support.newUser(Role.SALES);
        agent = support.newUser(Role.SUPPORT);
        company = support.companyOwnedBy(sales);
        consenting = clients.addContact(company.id(), TestData.person("Anne", "Oui", "anne@x.example"));
        noConsent = clients.addContact(company.id(), new ContactDetails(null, "John", "Smith", null, null,
                "john@x.example", null, null, null, Channel.EMAIL, "en", null, null, null, Consent.none()));
    }

    @Test
    void aComplaintNeedsACategoryAndTheClientsWords() throws Exception {
        mvc.perform(post("/clients/" + company.id() + "/complaints").with(csrf()).with(support.as(agent))
                        .param("channel", "PHONE").param("severity", "HIGH").param("ownerId", String.valueOf(agent.id())))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "category", "description"));
        mvc.perform(post("/clients/" + company.id() + "/complaints").with(csrf()).with(support.as(agent))
                        .param("channel", "PHONE").param("severity", "HIGH").param("category", "BILLING")
                        .param("description", "Facture en double").param("ownerId", String.valueOf(agent.id())))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/complaints/*"));
    }

    @Test
    void escalatingWithoutAReasonIsRefusedNextToTheField() throws Exception {
        Complaint complaint = complaints.open(new NewComplaint(company.id(), null, Channel.EMAIL,
                ComplaintCategory.SERVICE, Severity.MEDIUM, "Pas de rappel"), null, agent.asActor());
        mvc.perform(post("/complaints/" + complaint.id() + "/escalate").with(csrf()).with(support.as(agent))
                        .param("level", "1").param("reason", "   ").param("version", String.valueOf(complaint.version())))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("escalation", "reason"));
        assertThat(complaints.get(complaint.id()).escalationLevel()).isZero();
        mvc.perform(post("/complaints/" + complaint.id() + "/escalate").with(csrf()).with(support.as(agent))
                        .param("level", "1").param("reason", "Troisième relance")
                        .param("version", String.valueOf(complaint.version())))
                .andExpect(redirectedUrl("/complaints/" + complaint.id()));
        assertThat(complaints.get(complaint.id()).escalationLevel()).isEqualTo(1);
    }

    @Test
    void noEmailSurveyWithoutConsentAndNothingIsSent() throws Exception {
        mvc.perform(post("/clients/" + company.id() + "/surveys").with(csrf()).with(support.as(sales))
                        .param("contactId", String.valueOf(noConsent.id())).param("kind", "NPS").param("via", "EMAIL"))
                .andExpect(redirectedUrl("/clients/" + company.id() + "#feedback-surveys"))
                .andExpect(flash().attribute("feedbackError", "survey.error.noConsent"));
        assertThat(jdbc.sql("select count(*) from survey where contact_id = :c").param("c", noConsent.id())
                .query(Long.class).single()).isZero();
        mvc.perform(post("/clients/" + company.id() + "/surveys").with(csrf()).with(support.as(sales))
                        .param("contactId", String.valueOf(noConsent.id())).param("kind", "NPS").param("via", "LINK"))
                .andExpect(flash().attribute("surveyLink", Matchers.containsString("/s/")));
    }

    @Test
    void theSurveyPageSpeaksThePersonsLanguageAnswersOnceAndRefusesWhenExpired() throws Exception {
        SentSurvey english = surveys.send(SurveyKind.NPS, noConsent.id(), false, sales.asActor());
        String token = english.survey().token();
        mvc.perform(get("/s/" + token)).andExpect(redirectedUrl("/s/" + token + "?lang=en"));
        mvc.perform(get("/s/" + token).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("How likely are you to recommend us")))
                .andExpect(content().string(Matchers.containsString(sales.fullName() + " would like your opinion.")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(company.name()))));
        mvc.perform(post("/s/" + token).with(csrf()).param("lang", "en").param("score", "9"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/s/" + token).with(csrf()).param("lang", "en").param("score", "0"))
                .andExpect(status().isGone())
                .andExpect(content().string(Matchers.containsString("You already answered this survey")));
        assertThat(jdbc.sql("select score from survey where token = :t").param("t", token).query(Integer.class).single())
                .isEqualTo(9);

        SentSurvey old = surveys.send(SurveyKind.CSAT, consenting.id(), false, sales.asActor());
        jdbc.sql("update survey set expires_at = now() - interval '1 second' where id = :id")
                .param("id", old.survey().id()).update();
        mvc.perform(get("/s/" + old.survey().token()).param("lang", "fr"))
                .andExpect(status().isGone())
                .andExpect(content().string(Matchers.containsString("Ce lien a expiré")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("survey-form"))));
        mvc.perform(post("/s/" + old.survey().token()).with(csrf()).param("lang", "fr").param("score", "1"))
                .andExpect(status().isGone());
        assertThat(jdbc.sql("select answered_at is null from survey where id = :id").param("id", old.survey().id())
                .query(Boolean.class).single()).isTrue();
    }
}
