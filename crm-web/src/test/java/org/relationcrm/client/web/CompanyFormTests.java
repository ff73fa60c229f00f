package org.relationcrm.client.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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

/** The company form: messages next to the fields, nothing lost, and concurrent edits detected. */
@SpringBootTest
@AutoConfigureMockMvc
class CompanyFormTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    ClientService clients;

    WebTestSupport support;
    User sales;
    User manager;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        sales = support.newUser(Role.SALES);
        manager = support.newUser(Role.MANAGER);
    }

    @Test
    void blankNameAndBadSirenAreShownNextToTheirFieldsAndTheRestIsKept() throws Exception {
        String page = mvc.perform(post("/clients").with(csrf()).with(support.as(sales))
                        .param("name", "  ").param("legalId", "12345").param("city", "Angers")
                        .param("status", "PROSPECT").param("ownerId", String.valueOf(sales.id())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Ce champ est obligatoire.").contains("Un SIREN a 9 chiffres, un SIRET 14.");
        assertThat(page).contains("value=\"Angers\"").contains("is-invalid");
    }

    @Test
    void hugeInputIsRefusedWithAReasonNotAnError() throws Exception {
        mvc.perform(post("/clients").with(csrf()).with(support.as(sales))
                        .param("name", "x".repeat(5_000)).param("status", "PROSPECT")
                        .param("ownerId", String.valueOf(sales.id())))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("entre 0 et 200 caractères")));
    }

    @Test
    void malformedEnumOrIdGivesAFieldErrorNotAStackTrace() throws Exception {
        String page = mvc.perform(post("/clients").with(csrf()).with(support.as(sales))
                        .param("name", "Acme").param("status", "NOT_A_STATUS").param("ownerId", "abc"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Valeur invalide.").doesNotContain("Exception");
    }

    @Test
    void creatingACompanyLeadsToIts360Record() throws Exception {
        var result = mvc.perform(post("/clients").with(csrf()).with(support.as(sales))
                        .param("name", "Menuiserie Caron").param("legalId", "552 100 554").param("city", "Tours")
                        .param("status", "PROSPECT").param("ownerId", String.valueOf(sales.id())))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).matches("/clients/\\d+");
        mvc.perform(get(location).with(support.as(sales)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Menuiserie Caron")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("552100554")));
    }

    @Test
    void theSecondOfTwoConcurrentEditsIsRefusedAndToldWhatChanged() throws Exception {
        Company company = support.companyOwnedBy(sales);
        long version = clients.company(company.id()).version();

        // Both the owner and a manager opened the form at the same version; the manager saves first.
        mvc.perform(edit(company, version, "Nom du manager", "Nantes").with(support.as(manager)))
                .andExpect(status().is3xxRedirection());

        String page = mvc.perform(edit(company, version, "Nom du commercial", "Lyon").with(support.as(sales)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Quelqu&#39;un a modifié cette fiche").contains("Nom du manager").contains("Nantes");
        assertThat(page).as("the user's own input is kept").contains("value=\"Nom du commercial\"");
        Company stored = clients.company(company.id());
        assertThat(stored.name()).as("nothing silently overwritten").isEqualTo("Nom du manager");
        assertThat(page).contains("name=\"version\" value=\"" + stored.version() + "\"");

        // Saving again, now deliberately from the current version, goes through.
        mvc.perform(edit(company, stored.version(), "Nom du commercial", "Lyon").with(support.as(sales)))
                .andExpect(status().is3xxRedirection());
        assertThat(clients.company(company.id()).name()).isEqualTo("Nom du commercial");
    }

    private MockHttpServletRequestBuilder edit(Company company, long version, String name, String city) {
        return post("/clients/" + company.id()).with(csrf())
                .param("name", name).param("city", city).param("status", "CUSTOMER")
                .param("ownerId", String.valueOf(sales.id())).param("version", String.valueOf(version));
    }
}
