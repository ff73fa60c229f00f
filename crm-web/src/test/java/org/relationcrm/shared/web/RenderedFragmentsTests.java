package org.relationcrm.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.Contact;
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.Interaction;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.LogInteraction;
import org.relationcrm.shared.Channel;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * Timeline entries and person cards are rendered once and reused: what a reader sees still follows the entry's
 * version, the person's details, the reader's rights and language; and a fragment holding a form that posts (which needs the
 * reader's CSRF token) is never shared.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RenderedFragmentsTests {

    /** The app's clock (relation.time-zone): "today" is the app's day, whatever the JVM's zone. */
    @Autowired
    java.time.Clock clock;

    @Autowired
    MockMvc mvc;
    @Autowired
    RenderedFragments fragments;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    ClientService clients;
    @Autowired
    InteractionService interactions;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry metrics;

    WebTestSupport support;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
    }

    @AfterEach
    void noRequestLeft() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aReusedEntryFollowsItsVersionTheReadersRightsAndLanguage() throws Exception {
        User rep = support.newUser(Role.SALES);
        User admin = support.newUser(Role.ADMIN);
        Company company = support.companyOwnedBy(rep);
        Interaction call = interactions.log(new LogInteraction(company.id(), Set.of(), Channel.PHONE,
                Direction.OUTBOUND, Instant.now().minus(1, ChronoUnit.HOURS), "Appel du lundi", null, null, null,
                "Envoyer le devis", LocalDate.now(clock).plusDays(2)), rep.asActor());
        String button = "formaction=\"/interactions/" + call.id() + "/next-step/done\"";

        String repsPage = page(company, rep, "fr");
        String repsPageAgain = page(company, rep, "fr");
        String adminsPage = page(company, admin, "fr");
        String inEnglish = page(company, rep, "en");
        interactions.completeNextStep(call.id(), call.version(), rep.asActor());
        String afterDone = page(company, rep, "fr");

        assertThat(repsPage).contains(button).contains("Marquer comme fait").contains("Envoyer le devis");
        assertThat(entryOf(repsPageAgain, call)).isEqualTo(entryOf(repsPage, call));
        assertThat(adminsPage).as("no right to log: no button").doesNotContain(button).contains("Envoyer le devis");
        assertThat(inEnglish).contains("Mark done").doesNotContain("Marquer comme fait");
        assertThat(afterDone).as("a new version, a new rendering").doesNotContain(button).contains("Fait par");
    }

    @Test
    void hitsAndMissesAreCountedForTheOperators() {
        var request = new MockHttpServletRequest("GET", "/clients/1");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, new MockHttpServletResponse()));
        double hits = gets("hit");
        double misses = gets("miss");
        String value = "Bonjour " + System.nanoTime();

        fragments.html("testing/rendered :: plain", "v", value);
        fragments.html("testing/rendered :: plain", "v", value);

        assertThat(gets("miss")).isEqualTo(misses + 1);
        assertThat(gets("hit")).isEqualTo(hits + 1);
    }

    private double gets(String result) {
        return metrics.get("cache.gets").tag("cache", "rendered_fragments").tag("result", result)
                .functionCounter().count();
    }

    @Test
    void aReusedPersonCardShowsThePersonAsRevised() throws Exception {
        User rep = support.newUser(Role.SALES);
        Company company = support.companyOwnedBy(rep);
        Contact anne = clients.addContact(company.id(), TestData.person("Anne", "Martin", "anne@martin.example"));
        String before = page(company, rep, "fr");

        clients.reviseContact(anne.id(), anne.version(), TestData.person("Anne", "Lemoine", "anne@lemoine.example"));
        String after = page(company, rep, "fr");

        assertThat(before).contains("Anne Martin");
        assertThat(after).contains("Anne Lemoine").contains("anne@lemoine.example").doesNotContain("Anne Martin");
    }

    @Test
    void aFragmentWithAFormThatPostsIsNeverShared() {
        var request = new MockHttpServletRequest("GET", "/clients/1");
        CsrfToken token = new DefaultCsrfToken("X-XSRF-TOKEN", "_csrf", "a-session-token");
        request.setAttribute(CsrfToken.class.getName(), token);
        request.setAttribute("_csrf", token);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, new MockHttpServletResponse()));

        assertThat(fragments.html("testing/rendered :: plain", "v", "Bonjour")).contains(">Bonjour</p>");
        // a form that gets (a search box) carries no token: it may be shared
        assertThat(fragments.html("testing/rendered :: get-form", "v", "Bonjour"))
                .contains("action=\"/search\"").doesNotContain("_csrf");
        assertThatThrownBy(() -> fragments.html("testing/rendered :: with-form", "v", "Bonjour"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("form");
    }

    @Test
    void renderingAFragmentLeavesThePagesModelAsItWas() {
        var request = new MockHttpServletRequest("GET", "/clients");
        request.setAttribute("v", "the page's own v");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, new MockHttpServletResponse()));

        assertThat(fragments.html("testing/rendered :: plain", "v", "Bonjour")).contains(">Bonjour</p>");
        assertThat(request.getAttribute("v")).isEqualTo("the page's own v");
        fragments.html("testing/rendered :: plain", "w", "Salut");
        assertThat(request.getAttribute("w")).isNull();
    }

    private String page(Company company, User reader, String language) throws Exception {
        return mvc.perform(get("/clients/" + company.id()).with(support.as(reader))
                        .cookie(new Cookie("relation-lang", language)))
                .andReturn().getResponse().getContentAsString();
    }

    private static String entryOf(String page, Interaction call) {
        int start = page.indexOf("<article class=\"timeline-entry\" id=\"interaction-" + call.id() + "\"");
        assertThat(start).as("the entry on the page").isNotNegative();
        return page.substring(start, page.indexOf("</article>", start));
    }
}
