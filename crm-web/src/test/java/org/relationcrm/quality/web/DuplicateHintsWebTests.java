package org.relationcrm.quality.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * Likely duplicates shown before saving, over HTTP: a person with an email already known, a company with a similar
 * name in the same city; "create anyway" saves; a SIREN already held is refused even with "anyway".
 */
@SpringBootTest
@AutoConfigureMockMvc
class DuplicateHintsWebTests {

    @Autowired MockMvc mvc;
    @Autowired UserService users;
    @Autowired UserDetailsService userDetails;
    @Autowired ClientService clients;

    WebTestSupport support;
    User sales;
    Company company;
    String tag;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        sales = support.newUser(Role.SALES);
        company = support.companyOwnedBy(sales);
        tag = TestData.unique("h").replace("-", "");
    }

    @Test
    void aPersonWithAKnownEmailIsShownBeforeSavingThenSavedAnyway() throws Exception {
        long known = clients.addPrivateCustomer(TestData.person("Hélène", "Dufour" + tag, "helene@" + tag + ".fr")).id();
        MockHttpServletResponse warned = send(person("HELENE@" + tag + ".fr"));
        assertThat(warned.getStatus()).isEqualTo(200);
        assertThat(warned.getContentAsString()).contains("id=\"duplicates\"").contains("href=\"/contacts/" + known + "\"")
                .contains("même e-mail").contains("Créer quand même");
        MockHttpServletResponse saved = send(person("HELENE@" + tag + ".fr").param("anyway", "true"));
        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(saved.getRedirectedUrl()).matches("/contacts/\\d+").isNotEqualTo("/contacts/" + known);
    }

    @Test
    void aSimilarCompanyNameInTheSameCityIsWarnedAboutButASirenHeldIsRefusedEvenAnyway() throws Exception {
        String siren = Long.toString(ThreadLocalRandom.current().nextLong(300_000_000L, 999_999_999L));
        MockHttpServletResponse first = send(company("Garage Dupont " + tag, siren));
        assertThat(first.getStatus()).isEqualTo(302);

        MockHttpServletResponse warned = send(company("Garage Dupond " + tag, ""));
        assertThat(warned.getStatus()).isEqualTo(200);
        assertThat(warned.getContentAsString()).contains("id=\"duplicates\"").contains("nom proche, même ville");

        MockHttpServletResponse refused = send(company("Autre nom " + tag, siren + "00018").param("anyway", "true"));
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString()).contains("Ce SIREN appartient déjà à Garage Dupont " + tag)
                .contains("id=\"siren-holder\"").doesNotContain("id=\"save-anyway\"");
    }

    private MockHttpServletRequestBuilder person(String email) {
        return post("/contacts").param("civility", "MRS").param("firstName", "Hélène").param("lastName", "Dufour" + tag)
                .param("email", email).param("language", "fr");
    }

    private MockHttpServletRequestBuilder company(String name, String legalId) {
        return post("/clients").param("name", name).param("legalId", legalId).param("city", "Quimper")
                .param("status", "PROSPECT").param("ownerId", String.valueOf(sales.id()));
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(csrf()).with(support.as(sales))).andReturn().getResponse();
    }
}
