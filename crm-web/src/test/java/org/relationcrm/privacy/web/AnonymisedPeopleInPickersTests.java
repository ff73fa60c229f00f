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
import org.relationcrm.feedback.Complaint;
import org.relationcrm.feedback.ComplaintCategory;
import org.relationcrm.feedback.ComplaintService;
import org.relationcrm.feedback.NewComplaint;
import org.relationcrm.feedback.RootCause;
import org.relationcrm.feedback.Severity;
import org.relationcrm.privacy.AnonymisationOutcome;
import org.relationcrm.privacy.PrivacyService;
import org.relationcrm.segment.SegmentCriteria;
import org.relationcrm.segment.SegmentService;
import org.relationcrm.shared.Channel;
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
    @Autowired ComplaintService complaints;

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

    /**
     * The pages that read a person's name from a read model (first and last name joined in SQL): a closed complaint
     * of the person, and the satisfaction survey its closing sent, on the complaint's page and the client's 360° page.
     */
    @Test
    void aComplaintAndItsSurveyNameTheErasedPersonInWords() throws Exception {
        WebTestSupport support = new WebTestSupport(users, userDetails, clients);
        User agent = support.newUser(Role.SUPPORT);
        User admin = support.newUser(Role.ADMIN);
        Company company = support.companyOwnedBy(support.newUser(Role.SALES));
        Contact erased = clients.addContact(company.id(), TestData.person("Lucie", "Garnier", "lucie@example.org"));
        Complaint complaint = complaints.open(new NewComplaint(company.id(), erased.id(), Channel.PHONE,
                ComplaintCategory.DELIVERY, Severity.LOW, "Colis en retard", "Deux jours"), agent.id(),
                agent.asActor());
        complaint = complaints.resolve(complaint.id(), complaint.version(), "Livré", RootCause.DELAY, null,
                agent.asActor());
        complaints.close(complaint.id(), complaint.version(), agent.asActor());
        Contact current = clients.contact(erased.id());
        assertThat(privacy.anonymise(erased.id(), current.version(), admin.asActor()))
                .isInstanceOf(AnonymisationOutcome.Anonymised.class);

        for (String url : List.of("/complaints/" + complaint.id(), "/clients/" + company.id())) {
            String page = mvc.perform(get(url).with(support.as(agent))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).as(url).contains("Personne anonymisée").doesNotContain(Contact.ANONYMISED_NAME)
                    .doesNotContain("Garnier");
        }
    }
}
