package org.relationcrm.client.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.relationcrm.client.Contact;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/** The person form: a concurrent edit is refused with what changed meanwhile, and the user's input is kept. */
@SpringBootTest
@AutoConfigureMockMvc
class ContactFormTests {

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
    User support_;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        sales = support.newUser(Role.SALES);
        support_ = support.newUser(Role.SUPPORT);
    }

    @Test
    void theSecondOfTwoConcurrentEditsOfAPersonIsRefusedAndToldWhatChanged() throws Exception {
        Company company = support.companyOwnedBy(sales);
        Contact person = clients.addContact(company.id(), TestData.person("Claire", "Martin", "claire@example.fr"));
        long version = clients.contact(person.id()).version();

        // Both opened the form at the same version; support saves first.
        mvc.perform(edit(person, version, "Vasseur", "Nantes").with(support.as(support_)))
                .andExpect(status().is3xxRedirection());

        String page = mvc.perform(edit(person, version, "Durand", "Lyon").with(support.as(sales)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Quelqu&#39;un a modifié cette fiche").contains("Vasseur").contains("Nantes");
        assertThat(page).as("the user's own input is kept").contains("value=\"Durand\"").contains("value=\"Lyon\"")
                .contains("value=\"Anniversaire\"");
        Contact stored = clients.contact(person.id());
        assertThat(stored.details().lastName()).as("nothing silently overwritten").isEqualTo("Vasseur");
        assertThat(page).contains("name=\"version\" value=\"" + stored.version() + "\"");

        // Saving again, now deliberately from the current version, goes through.
        mvc.perform(edit(person, stored.version(), "Durand", "Lyon").with(support.as(sales)))
                .andExpect(status().is3xxRedirection());
        assertThat(clients.contact(person.id()).details().lastName()).isEqualTo("Durand");
    }

    @Test
    void theConflictIsToldInEnglishToo() throws Exception {
        Company company = support.companyOwnedBy(sales);
        Contact person = clients.addContact(company.id(), TestData.person("Paul", "Girard", "paul@example.fr"));
        long version = clients.contact(person.id()).version();
        mvc.perform(edit(person, version, "Roux", "Brest").with(support.as(support_)))
                .andExpect(status().is3xxRedirection());

        String page = mvc.perform(edit(person, version, "Leroy", "Metz").param("lang", "en").with(support.as(sales)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Roux").contains("Brest").contains("value=\"Leroy\"")
                .doesNotContain("Quelqu&#39;un a modifié cette fiche");
    }

    @Test
    void theEditFormShowsThePersonsImportantDates() throws Exception {
        Company company = support.companyOwnedBy(sales);
        Contact person = clients.addContact(company.id(), TestData.person("Anne", "Morel", "anne@example.fr"));
        mvc.perform(edit(person, clients.contact(person.id()).version(), "Morel", "Caen").with(support.as(sales)))
                .andExpect(status().is3xxRedirection());

        String page = mvc.perform(get("/contacts/" + person.id() + "/edit").with(support.as(sales)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("value=\"Anniversaire\"").contains("value=\"1980-05-12\"");
    }

    private static MockHttpServletRequestBuilder edit(Contact person, long version, String lastName, String city) {
        return post("/contacts/" + person.id()).with(csrf())
                .param("civility", "MRS").param("firstName", "Claire").param("lastName", lastName)
                .param("city", city).param("language", "fr").param("email", "claire@example.fr")
                .param("importantDates[0].label", "Anniversaire").param("importantDates[0].date", "1980-05-12")
                .param("version", String.valueOf(version))
                // every edit here writes Claire's email: saved as "anyway", these tests are about conflicts, the
                // duplicate warning (same email) has its own tests (DuplicateHintsWebTests)
                .param("anyway", "true");
    }
}
