package org.relationcrm.quality.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.Civility;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Consent;
import org.relationcrm.client.ContactDetails;
import org.relationcrm.quality.PersonMergeService;
import org.relationcrm.shared.Channel;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;

/**
 * The merge form of two people: refused up front for one person with themself or two companies' people; a consent
 * that would replace a refusal is pointed out and never ticked by default; merged, the old address leads to the
 * survivor; undone, both come back.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PersonMergeFormTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    ClientService clients;
    @Autowired
    PersonMergeService merges;

    private static ContactDetails person(String email, Consent consent) {
        return new ContactDetails(Civility.MR, "Marc", "Lefèvre", null, null, email, null, null, null, Channel.PHONE,
                "fr", null, null, null, consent);
    }

    @Test
    void onePersonWithThemselfOrPeopleOfTwoCompaniesAreRefusedBeforeTheFormIsFilled() throws Exception {
        WebTestSupport support = new WebTestSupport(users, userDetails, clients);
        User manager = support.newUser(Role.MANAGER);
        long a = clients.addContact(support.companyOwnedBy(manager).id(), person(null, null)).id();
        long b = clients.addContact(support.companyOwnedBy(manager).id(), person(null, null)).id();

        mvc.perform(get("/duplicates/people/merge").param("survivor", String.valueOf(a))
                        .param("loser", String.valueOf(a)).with(support.as(manager)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/duplicates#people"))
                .andExpect(flash().attribute("refused", PersonMergeService.SAME_PERSON));
        mvc.perform(get("/duplicates/people/merge").param("survivor", String.valueOf(a))
                        .param("loser", String.valueOf(b)).with(support.as(manager)))
                .andExpect(redirectedUrl("/duplicates#people"))
                .andExpect(flash().attribute("refused", PersonMergeService.OTHER_COMPANY));
    }

    @Test
    void aConsentOverARefusalIsShownNotTickedThenTheMergeRedirectsTheOldAddressAndIsUndone() throws Exception {
        WebTestSupport support = new WebTestSupport(users, userDetails, clients);
        User manager = support.newUser(Role.MANAGER);
        long company = support.companyOwnedBy(manager).id();
        // the survivor refuses calls and has no email; the other record accepts calls and emails, refuses letters
        long s = clients.addContact(company, person(null, new Consent(false, false, false, true))).id();
        long l = clients.addContact(company, person("marc@lefevre.fr", new Consent(true, true, false, false))).id();

        String form = mvc.perform(get("/duplicates/people/merge").param("survivor", String.valueOf(s))
                        .param("loser", String.valueOf(l)).with(support.as(manager)).locale(Locale.FRENCH))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"warn-CONSENT_PHONE\"")))
                .andExpect(content().string(Matchers.containsString("la fiche gardée refuse ce canal")))
                .andReturn().getResponse().getContentAsString();
        // ticked at first: the email the survivor lacks and the letters' refusal; never a consent over a refusal
        assertThat(form).containsPattern("value=\"EMAIL\"[^>]*checked");
        assertThat(form).containsPattern("value=\"CONSENT_LETTER\"[^>]*checked");
        assertThat(form).doesNotContainPattern("value=\"CONSENT_PHONE\"[^>]*checked");
        assertThat(form).doesNotContainPattern("value=\"CONSENT_EMAIL\"[^>]*checked");

        mvc.perform(post("/duplicates/people/merge").with(csrf()).with(support.as(manager))
                        .param("survivorId", String.valueOf(s)).param("loserId", String.valueOf(l))
                        .param("survivorVersion", String.valueOf(clients.contact(s).version()))
                        .param("loserVersion", String.valueOf(clients.contact(l).version()))
                        .param("fromLoser", "EMAIL", "CONSENT_LETTER"))
                .andExpect(redirectedUrl("/contacts/" + s))
                .andExpect(flash().attribute("flash", "flash.people.merged"));
        assertThat(clients.contact(s).details().email()).isEqualTo("marc@lefevre.fr");
        assertThat(clients.contact(s).consent()).isEqualTo(new Consent(false, false, false, false));
        mvc.perform(get("/contacts/" + l).with(support.as(manager))).andExpect(redirectedUrl("/contacts/" + s));
        long mergeId = merges.survivorOf(l).map(x -> merges.recent(50).stream()
                .filter(m -> m.loserId() == l).findFirst().orElseThrow().id()).orElseThrow();
        mvc.perform(get("/duplicates").with(support.as(manager)).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/person-merges/" + mergeId + "/undo")));

        mvc.perform(post("/person-merges/" + mergeId + "/undo").with(csrf()).with(support.as(manager)))
                .andExpect(redirectedUrl("/contacts/" + l));
        mvc.perform(get("/contacts/" + l).with(support.as(manager))).andExpect(status().isOk());
        assertThat(clients.contact(s).details().email()).isNull();
        assertThat(clients.contact(s).consent()).isEqualTo(new Consent(false, false, false, true));
    }
}
