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
    void aComplaintNeedsACategoryASubjectAndTheClientsWords() throws Exception {
        mvc.perform(post("/clients/" + company.id() + "/complaints").with(csrf()).with(support.as(agent))
                        .param("channel", "PHONE").param("severity", "HIGH").param("ownerId", String.valueOf(agent.id())))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "category", "subject", "description"));
        mvc.perform(post("/clients/" + company.id() + "/complaints").with(csrf()).with(support.as(agent))
                        .param("channel", "PHONE").param("severity", "HIGH").param("category", "BILLING")
                        .param("subject", "x".repeat(Complaint.MAX_SUBJECT + 1))
                        .param("description", "Facture en double").param("ownerId", String.valueOf(agent.id())))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "subject"));
        String page = mvc.perform(post("/clients/" + company.id() + "/complaints").with(csrf()).with(support.as(agent))
                        .param("channel", "PHONE").param("severity", "HIGH").param("category", "BILLING")
                        .param("subject", "Facture en double").param("description", "Deux factures pour la commande 1042")
                        .param("ownerId", String.valueOf(agent.id())))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/complaints/*"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(page).with(support.as(agent)))
                .andExpect(content().string(Matchers.containsString(
                        "<span id=\"complaint-subject\">Facture en double</span>")));
    }

    @Test
    void takingAComplaintInHandMakesItMineAndOnlyAReplyToTheClientIsItsFirstResponse() throws Exception {
        User colleague = support.newUser(Role.SUPPORT);
        Complaint complaint = complaints.open(new NewComplaint(company.id(), consenting.id(), Channel.EMAIL,
                ComplaintCategory.DELIVERY, Severity.HIGH, "Colis abîmé", "Carton éventré"), agent.id(),
                agent.asActor());
        String url = "/complaints/" + complaint.id();

        mvc.perform(post(url + "/start").with(csrf()).with(support.as(colleague))
                        .param("version", String.valueOf(complaint.version())))
                .andExpect(redirectedUrl(url));
        assertThat(complaints.get(complaint.id()).ownerId()).isEqualTo(colleague.id());
        assertThat(complaints.get(complaint.id()).firstResponseAt()).as("the client was told nothing").isNull();
        mvc.perform(get(url).with(support.as(colleague)))
                .andExpect(content().string(Matchers.containsString(colleague.fullName())))
                .andExpect(content().string(Matchers.containsString("le client attend une réponse")))
                .andExpect(content().string(Matchers.containsString("id=\"respond-form\"")));

        long version = complaints.get(complaint.id()).version();
        mvc.perform(post(url + "/respond").with(csrf()).with(support.as(colleague))
                        .param("version", String.valueOf(version)).param("channel", "PHONE").param("summary", "  "))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("answer", "summary"));
        mvc.perform(post(url + "/respond").with(csrf()).with(support.as(colleague))
                        .param("version", String.valueOf(version)).param("channel", "PHONE")
                        .param("summary", "Appelé Anne : un nouveau colis part demain."))
                .andExpect(redirectedUrl(url))
                .andExpect(flash().attribute("flash", "flash.complaint.responded"));
        assertThat(complaints.get(complaint.id()).firstResponseAt()).isNotNull();
        assertThat(jdbc.sql("""
                        select count(*) from interaction
                        where company_id = :c and kind = 'EXCHANGE' and direction = 'OUTBOUND' and subject = 'Colis abîmé'
                        """).param("c", company.id()).query(Long.class).single())
                .as("the reply is on the client's timeline").isEqualTo(1);
        mvc.perform(get(url).with(support.as(colleague)))
                .andExpect(content().string(Matchers.containsString("répondu le")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("le client attend une réponse"))));
    }

    @Test
    void afterALevelTwoEscalationTheOwnerShownIsTheManagerWhoAloneSeesTheButtons() throws Exception {
        User manager = support.newUser(Role.MANAGER);
        Complaint complaint = complaints.open(new NewComplaint(company.id(), null, Channel.EMAIL,
                ComplaintCategory.SERVICE, Severity.CRITICAL, "Service coupé", "Plus d'accès depuis ce matin"),
                agent.id(), agent.asActor());
        String url = "/complaints/" + complaint.id();

        mvc.perform(post(url + "/escalate").with(csrf()).with(support.as(agent))
                        .param("version", String.valueOf(complaint.version())).param("level", "2")
                        .param("reason", "Décision commerciale").param("ownerId", ""))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("escalation", "ownerId"))
                .andExpect(content().string(Matchers.containsString("confiée à un manager")));
        assertThat(complaints.get(complaint.id()).escalationLevel()).isZero();

        mvc.perform(post(url + "/escalate").with(csrf()).with(support.as(agent))
                        .param("version", String.valueOf(complaint.version())).param("level", "2")
                        .param("reason", "Décision commerciale").param("ownerId", String.valueOf(manager.id())))
                .andExpect(redirectedUrl(url));

        String agentPage = mvc.perform(get(url).with(support.as(agent))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(agentPage).contains("Responsable\u00a0: " + manager.fullName())
                .contains("id=\"manager-only\"").contains(manager.fullName() + " (manager) la traite")
                .doesNotContain("id=\"resolve-form\"").doesNotContain("id=\"respond-form\"")
                .doesNotContain("id=\"escalate-form\"").doesNotContain("id=\"start\"");
        assertThat(mvc.perform(get(url).with(support.as(manager))).andReturn().getResponse().getContentAsString())
                .contains("id=\"resolve-form\"").contains("id=\"respond-form\"");
        mvc.perform(post(url + "/resolve").with(csrf()).with(support.as(manager))
                        .param("version", String.valueOf(complaints.get(complaint.id()).version()))
                        .param("resolution", "Geste commercial").param("rootCause", "PROCESS"))
                .andExpect(redirectedUrl(url));
    }

    @Test
    void theFactsLineOfAComplaintLeavesOutWhatIsMissing() throws Exception {
        Complaint complaint = complaints.open(new NewComplaint(company.id(), null, Channel.PHONE,
                ComplaintCategory.DELIVERY, Severity.LOW, "Retard", "Livraison en retard"), agent.id(),
                agent.asActor());
        String html = mvc.perform(get("/complaints/" + complaint.id()).with(support.as(agent)))
                .andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher facts = java.util.regex.Pattern
                .compile("id=\"complaint-facts\">(.*?)</div>", java.util.regex.Pattern.DOTALL).matcher(html);
        assertThat(facts.find()).isTrue();
        assertThat(facts.group(1)).as("no person: three parts, none empty, no dot written in the page")
                .contains(">Livraison<", ">Téléphone<", agent.fullName())
                .doesNotContain("·").doesNotContainPattern("<span[^>]*>\\s*</span>");
        assertThat(java.util.regex.Pattern.compile("<span").matcher(facts.group(1)).results().count()).isEqualTo(3);
    }

    @Test
    void theQueueSortsByAColumnAndEveryLinkKeepsTheQueueAndTheSort() throws Exception {
        User handler = support.newUser(Role.SUPPORT);
        for (Severity severity : Severity.values()) {
            complaints.open(new NewComplaint(company.id(), null, Channel.PHONE, ComplaintCategory.PRODUCT, severity,
                    "Sujet " + severity, "Texte"), handler.id(), handler.asActor());
        }
        String html = mvc.perform(get("/complaints").param("queue", "MINE").param("sort", "SEVERITY")
                        .param("dir", "DESC").with(support.as(handler)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).containsPattern("<th scope=\"col\" aria-sort=\"descending\">\\s*<a class=\"sort-link\" "
                        + "href=\"/complaints\\?queue=MINE&amp;sort=SEVERITY&amp;dir=ASC\"\\s+id=\"sort-SEVERITY\"")
                .as("another column: its first order, the queue kept")
                .contains("href=\"/complaints?queue=MINE&amp;sort=CLIENT&amp;dir=ASC\"")
                .as("the tabs keep the sort").contains("href=\"/complaints?queue=AT_RISK&amp;sort=SEVERITY&amp;dir=DESC\"");
        assertThat(java.util.regex.Pattern.compile("aria-sort=\"(ascending|descending)\"").matcher(html).results().count())
                .as("one sorted column").isEqualTo(1);
        assertThat(html.indexOf("Sujet CRITICAL")).isLessThan(html.indexOf("Sujet HIGH"));
        assertThat(html.indexOf("Sujet HIGH")).isLessThan(html.indexOf("Sujet MEDIUM"));
        assertThat(html.indexOf("Sujet MEDIUM")).isLessThan(html.indexOf("Sujet LOW"));
        assertThat(html).as("the phone's sort form says the same").contains("<option value=\"SEVERITY\" selected=\"selected\"");
    }

    @Test
    void escalatingWithoutAReasonIsRefusedNextToTheField() throws Exception {
        Complaint complaint = complaints.open(new NewComplaint(company.id(), null, Channel.EMAIL,
                ComplaintCategory.SERVICE, Severity.MEDIUM, "Pas de rappel", "Pas de rappel"), null, agent.asActor());
        mvc.perform(post("/complaints/" + complaint.id() + "/escalate").with(csrf()).with(support.as(agent))
                        .param("level", "1").param("reason", "   ").param("version", String.valueOf(complaint.version())))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("escalation", "reason"));
        assertThat(complaints.get(complaint.id()).escalationLevel()).isZero();
        mvc.perform(post("/complaints/" + complaint.id() + "/escalate").with(csrf()).with(support.as(agent))
                        .param("level", "1").param("reason", "Troisième relance").param("ownerId", "")
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
