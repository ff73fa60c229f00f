package org.relationcrm.interaction.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.MockMvc;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.Contact;
import org.relationcrm.interaction.Interaction;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

@SpringBootTest
@AutoConfigureMockMvc
class InteractionFormTests {

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
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    WebTestSupport support;
    User sales;
    User adv;
    Company company;
    Contact person;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        sales = support.newUser(Role.SALES);
        adv = support.newUser(Role.ADV);
        company = support.companyOwnedBy(sales);
        person = clients.addContact(company.id(), TestData.person("Hélène", "Roux", "helene@roux.fr"));
    }

    @Test
    void aCallLoggedByAdvAppearsOnTopOfTheTimelineWithItsNextStep() throws Exception {
        String now = LocalDateTime.now(clock).withSecond(0).withNano(0).minusMinutes(1).toString();
        mvc.perform(post("/clients/" + company.id() + "/interactions").with(csrf()).with(support.as(adv))
                        .param("channel", "PHONE").param("direction", "INBOUND").param("occurredAt", now)
                        .param("contactIds", String.valueOf(person.id()))
                        .param("subject", "Livraison partielle reçue").param("summary", "Il manque 2 palettes")
                        .param("sentiment", "NEGATIVE")
                        .param("nextStepAction", "Relancer le transporteur")
                        .param("nextStepDue", java.time.LocalDate.now(clock).plusDays(2).toString()))
                .andExpect(status().is3xxRedirection());

        String page = mvc.perform(get("/clients/" + company.id()).with(support.as(sales)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int firstEntry = page.indexOf("class=\"timeline-entry");
        assertThat(firstEntry).isPositive();
        String top = page.substring(firstEntry, Math.min(page.length(), firstEntry + 4_000));
        assertThat(top).contains("Livraison partielle reçue").contains("Relancer le transporteur")
                .contains(adv.fullName()).contains("ADV").contains("Hélène Roux").contains("Négatif");
    }

    @Test
    void postsWhoseRedirectIsNeverFollowedLeaveOnlyTheNewestFlashMessagesInTheirCookie() throws Exception {
        String occurred = LocalDateTime.now(clock).withSecond(0).withNano(0).minusMinutes(5).toString();
        Cookie flash = null; // the messages waiting, carried from each post to the next as a browser would
        for (int i = 0; i < 40; i++) {
            MockHttpServletRequestBuilder logCall = post("/clients/" + company.id() + "/interactions").with(csrf())
                    .with(support.as(sales)).param("channel", "PHONE").param("direction", "OUTBOUND")
                    .param("occurredAt", occurred).param("subject", "Appel " + i);
            if (flash != null) {
                logCall.cookie(flash);
            }
            flash = mvc.perform(logCall).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                    .getCookie("relation-flash");
        }
        assertThat(flash).isNotNull();
        assertThat(flash.getValue().length()).as("the newest messages that fit in a cookie").isBetween(1, 3800);

        // a browser that does follow the redirect still gets its message
        var last = mvc.perform(post("/clients/" + company.id() + "/interactions").cookie(flash)
                        .with(csrf()).with(support.as(sales)).param("channel", "PHONE").param("direction", "OUTBOUND")
                        .param("occurredAt", occurred).param("subject", "Le dernier appel"))
                .andReturn().getResponse();
        String page = mvc.perform(get(last.getRedirectedUrl()).cookie(last.getCookie("relation-flash"))
                        .with(support.as(sales)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Interaction consignée.").contains("Le dernier appel");
    }

    @Test
    void aNextStepWithoutDueDateIsRefusedNextToTheFieldKeepingTheInput() throws Exception {
        String page = mvc.perform(post("/clients/" + company.id() + "/interactions").with(csrf()).with(support.as(sales))
                        .param("channel", "EMAIL").param("direction", "OUTBOUND")
                        .param("occurredAt", LocalDateTime.now(clock).minusHours(1).withNano(0).toString())
                        .param("subject", "Envoi de la proposition")
                        .param("nextStepAction", "Rappeler"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Indiquez l&#39;échéance de la prochaine étape.")
                .contains("value=\"Envoi de la proposition\"").contains("value=\"Rappeler\"");
    }

    @Test
    void anInteractionInTheFutureIsRefused() throws Exception {
        String page = mvc.perform(post("/clients/" + company.id() + "/interactions").with(csrf()).with(support.as(sales))
                        .param("channel", "MEETING").param("direction", "OUTBOUND")
                        .param("occurredAt", LocalDateTime.now(clock).plusDays(3).withNano(0).toString())
                        .param("subject", "Rendez-vous"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("ne peut pas avoir lieu dans le futur");
    }

    @Test
    void aRuleOfTheInteractionShowsNextToItsFieldInTheReadersLanguageWithTheInputKept() throws Exception {
        LocalDateTime anHourAgo = LocalDateTime.now(clock).minusHours(1).withSecond(0).withNano(0);
        MockHttpServletRequestBuilder dueBeforeTheCall = post("/clients/" + company.id() + "/interactions")
                .with(csrf()).with(support.as(sales)).param("channel", "PHONE").param("direction", "OUTBOUND")
                .param("occurredAt", anHourAgo.toString()).param("subject", "Relance devis")
                .param("nextStepAction", "Rappeler").param("nextStepDue", anHourAgo.toLocalDate().minusDays(3).toString());

        String french = mvc.perform(dueBeforeTheCall).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(fieldMessage(french, "nextStepDue")).isEqualTo("L&#39;échéance ne peut pas précéder l&#39;interaction.");
        assertThat(french).contains("value=\"Relance devis\"").contains("value=\"Rappeler\"");

        String english = mvc.perform(dueBeforeTheCall.cookie(new Cookie("relation-lang", "en")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fieldMessage(english, "nextStepDue")).isEqualTo("The due date cannot be before the interaction.");
    }

    @Test
    void everyRuleTheInteractionBreaksIsShownAtOnceEachNextToItsField() throws Exception {
        String page = mvc.perform(post("/clients/" + company.id() + "/interactions").with(csrf()).with(support.as(sales))
                        .param("channel", "MEETING").param("direction", "OUTBOUND")
                        .param("occurredAt", LocalDateTime.now(clock).plusDays(3).withNano(0).toString())
                        .param("subject", "Rendez-vous").param("nextStepAction", "Envoyer le compte rendu"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fieldMessage(page, "occurredAt")).startsWith("Une interaction ne peut pas avoir lieu dans le futur");
        assertThat(fieldMessage(page, "nextStepDue")).isEqualTo("Indiquez l&#39;échéance de la prochaine étape.");
    }

    @Test
    void aTextOverItsLimitShowsTheLimitFormattedForTheReader() throws Exception {
        MockHttpServletRequestBuilder longOutcome = post("/clients/" + company.id() + "/interactions").with(csrf())
                .with(support.as(sales)).param("channel", "PHONE").param("direction", "OUTBOUND")
                .param("occurredAt", LocalDateTime.now(clock).minusHours(1).withNano(0).toString())
                .param("subject", "Appel").param("outcome", "o".repeat(Interaction.MAX_OUTCOME + 1));

        String french = mvc.perform(longOutcome).andReturn().getResponse().getContentAsString();
        assertThat(fieldMessage(french, "outcome")).isEqualTo("Ce champ doit compter entre 0 et 1\u202f000 caractères.");
        String english = mvc.perform(longOutcome.cookie(new Cookie("relation-lang", "en")))
                .andReturn().getResponse().getContentAsString();
        assertThat(fieldMessage(english, "outcome")).isEqualTo("This field must have between 0 and 1,000 characters.");
    }

    /** The message shown under the input named {@code field}, or null when the field shows none. */
    static String fieldMessage(String page, String field) {
        int input = page.indexOf("name=\"" + field + "\"");
        assertThat(input).as("input " + field).isPositive();
        int feedback = page.indexOf("<div class=\"invalid-feedback\">", input);
        int nextInput = page.indexOf("name=\"", input + 1);
        if (feedback < 0 || (nextInput > 0 && nextInput < feedback)) {
            return null;
        }
        int start = page.indexOf('>', feedback) + 1;
        return page.substring(start, page.indexOf("</div>", start)).strip();
    }

    @Test
    void aPersonFromAnotherCompanyCannotBeSlippedIntoTheInteraction() throws Exception {
        Company other = support.companyOwnedBy(sales);
        Contact stranger = clients.addContact(other.id(), TestData.person("Luc", "Petit", null));
        mvc.perform(post("/clients/" + company.id() + "/interactions").with(csrf()).with(support.as(sales))
                        .param("channel", "PHONE").param("direction", "OUTBOUND")
                        .param("occurredAt", LocalDateTime.now(clock).minusHours(1).withNano(0).toString())
                        .param("contactIds", String.valueOf(stranger.id()))
                        .param("subject", "Appel"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aGarbledTimelineCursorIsABadRequest() throws Exception {
        mvc.perform(get("/clients/" + company.id()).param("before", "not-a-cursor").with(support.as(sales)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/clients/" + company.id()).param("channel", "PIGEON").with(support.as(sales)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void anUnknownClientIsANotFoundPage() throws Exception {
        mvc.perform(get("/clients/987654321").with(support.as(sales))).andExpect(status().isNotFound());
    }

    @Test
    void loggingForAnUnknownClientIsANotFoundPageAndSavesNothing() throws Exception {
        // the client is checked by the insert's foreign key (no query of its own before it)
        String now = LocalDateTime.now(clock).withSecond(0).withNano(0).minusMinutes(1).toString();
        String subject = "Appel pour un client disparu " + System.nanoTime();
        mvc.perform(post("/clients/987654321/interactions").with(csrf()).with(support.as(sales))
                        .param("channel", "PHONE").param("direction", "OUTBOUND").param("occurredAt", now)
                        .param("subject", subject).param("sentiment", "NEUTRAL"))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from interaction where subject = ?").param(subject)
                .query(Long.class).single()).isZero();
    }
}
