package org.relationcrm.privacy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.Contact;
import org.relationcrm.privacy.AnonymisationOutcome;
import org.relationcrm.privacy.PrivacyService;
import org.relationcrm.segment.SegmentCriteria;
import org.relationcrm.segment.SegmentService;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * An anonymised person is offered in the pickers of a company's forms and in a segment's call list as "anonymised
 * person" in the reader's words, never as the token their record keeps instead of a name.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AnonymisedPeopleInPickersTests {

    @Autowired MockMvc mvc;
    @Autowired UserService users;
    @Autowired UserDetailsService userDetails;
    @Autowired ClientService clients;
    @Autowired PrivacyService privacy;
    @Autowired SegmentService segments;

    @Test
    void theFormsOfTheCompanyAndTheCallListSayAnonymisedPersonInsteadOfTheToken() throws Exception {
        WebTestSupport support = new WebTestSupport(users, userDetails, clients);
        User rep = support.newUser(Role.SALES);
        User admin = support.newUser(Role.ADMIN);
        User orderDesk = support.newUser(Role.ADV); // a rep places orders from won deals only
        Company company = support.companyOwnedBy(rep);
        clients.addContact(company.id(), TestData.person("Claire", "Petit", null));
        Contact erased = clients.addContact(company.id(), TestData.person("Marc", "Durand", null));
        assertThat(privacy.anonymise(erased.id(), erased.version(), admin.asActor()))
                .isInstanceOf(AnonymisationOutcome.Anonymised.class);
        long segment = segments.create(TestData.unique("Seg"), false, new SegmentCriteria(null, null, null, null,
                null, rep.id(), null, null, null, null, null, null, null, null, null, null, null, null, null),
                rep.asActor()).id();

        List<String> pages = List.of("/clients/" + company.id() + "/interactions/new",
                "/clients/" + company.id() + "/orders/new", "/clients/" + company.id() + "/opportunities/new",
                "/clients/" + company.id() + "/meetings/new", "/clients/" + company.id() + "/complaints/new",
                "/segments/" + segment + "/calls");
        for (String url : pages) {
            User reader = url.endsWith("/orders/new") ? orderDesk : rep;
            String page = mvc.perform(get(url).with(support.as(reader))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).as(url).contains("Claire Petit").contains("Personne anonymisée")
                    .doesNotContain(Contact.ANONYMISED_NAME).doesNotContain("Durand");
        }
    }
}
