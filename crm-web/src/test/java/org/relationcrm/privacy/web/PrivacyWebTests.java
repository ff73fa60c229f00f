package org.relationcrm.privacy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.Contact;
import org.relationcrm.feedback.ComplaintCategory;
import org.relationcrm.feedback.ComplaintService;
import org.relationcrm.feedback.NewComplaint;
import org.relationcrm.feedback.Severity;
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.LogInteraction;
import org.relationcrm.shared.Channel;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * A person's GDPR rights through the pages: the export holds their data and interactions, the anonymisation erases
 * them from their record and from the texts that name them while the company keeps its history, a legal hold refuses
 * it with its reason, and a consent changed on the person's form is in their consent history with who and how.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PrivacyWebTests {

    @Autowired MockMvc mvc;
    @Autowired UserService users;
    @Autowired UserDetailsService userDetails;
    @Autowired ClientService clients;
    @Autowired InteractionService interactions;
    @Autowired ComplaintService complaints;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    WebTestSupport support;
    User sales;
    User manager;
    Company company;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        sales = support.newUser(Role.SALES);
        manager = support.newUser(Role.MANAGER);
        company = support.companyOwnedBy(sales);
    }

    @Test
    void theExportHoldsThePersonsDataAndTheInteractionsTheyTookPartIn() throws Exception {
        String tag = TestData.unique("x").toLowerCase();
        Contact helene = clients.addContact(company.id(), TestData.person("Hélène", "Roux", "helene@" + tag + ".fr"));
        logCall(helene, "Devis fenêtres", "Hélène veut un devis avant Noël");

        MockHttpServletResponse response = mvc.perform(get("/contacts/" + helene.id() + "/privacy/export.json")
                        .with(support.as(manager)))
                .andExpect(status().isOk()).andReturn().getResponse();

        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment;")
                .contains("person-" + helene.id() + ".json");
        JsonNode json = JsonMapper.builder().build().readTree(response.getContentAsByteArray());
        assertThat(json.get("person").get("firstName").asString()).isEqualTo("Hélène");
        assertThat(json.get("person").get("email").asString()).isEqualTo("helene@" + tag + ".fr");
        assertThat(json.get("person").get("consent").get("email").asBoolean()).isTrue();
        assertThat(json.get("consentHistory").size()).as("email and phone given on creation").isEqualTo(2);
        assertThat(json.get("interactions").size()).isEqualTo(1);
        assertThat(json.get("interactions").get(0).get("summary").asString()).isEqualTo("Hélène veut un devis avant Noël");

        String print = mvc.perform(get("/contacts/" + helene.id() + "/privacy/print").with(support.as(manager)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(print).contains("Hélène Roux").contains("helene@" + tag + ".fr").contains("Devis fenêtres")
                .contains("Hélène veut un devis avant Noël");
    }

    @Test
    void anonymisingErasesTheNameFromTheRecordAndTheTextsNamingThemWhileTheCompanyKeepsItsHistory() throws Exception {
        String tag = TestData.unique("x").toLowerCase();
        String email = "helene.roux@" + tag + ".fr";
        Contact helene = clients.addContact(company.id(), TestData.person("Hélène", "Roux", email));
        Contact marc = clients.addContact(company.id(), TestData.person("Marc", "Blanc", "marc@" + tag + ".fr"));
        logCall(helene, "Appel Hélène", "Elle rappellera");
        long aboutHer = logCall(marc, "Point hebdo", "Marc a parlé de HÉLÈNE ROUX (" + email + "), qui part en juin. "
                + "Helenette reste.");
        int before = companyInteractions();
        // an email of hers read from the dropbox and still waiting in the unmatched queue
        long email1 = jdbc.queryForObject("insert into mailbox_message (message_id, sender, sender_name, recipients, "
                + "subject, body, sent_at, received_at, status) values (?, ?, 'Hélène Roux', '{}', 'Question', "
                + "'Bonjour, Hélène Roux', now(), now(), 'UNMATCHED') returning id", Long.class,
                "<" + tag + "@mail.test>", email);

        mvc.perform(post("/contacts/" + helene.id() + "/privacy/anonymise").with(csrf()).with(support.as(manager))
                        .param("version", String.valueOf(clients.contact(helene.id()).version()))
                        .param("confirm", "true"))
                .andExpect(status().is3xxRedirection());

        Contact erased = clients.contact(helene.id());
        assertThat(erased.isAnonymised()).isTrue();
        assertThat(erased.details().firstName()).isNull();
        assertThat(erased.details().email()).isNull();
        assertThat(erased.details().phone()).isNull();
        assertThat(erased.details().lastName()).isEqualTo(Contact.ANONYMISED_NAME);
        String summary = jdbc.queryForObject("select summary from interaction where id = ?", String.class, aboutHer);
        assertThat(summary).doesNotContainIgnoringCase("hélène").doesNotContainIgnoringCase("roux")
                .doesNotContain(email).contains("Marc a parlé de").contains("Helenette reste");
        assertThat(jdbc.queryForObject("select subject from interaction i join interaction_contact c "
                + "on c.interaction_id = i.id where c.contact_id = ?", String.class, helene.id()))
                .isEqualTo("Appel ***");
        assertThat(companyInteractions()).as("the company's history keeps every interaction").isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from contact where id = ? and search_text like ?",
                Integer.class, helene.id(), "%helene%")).as("the search no longer finds her").isZero();
        var mail = jdbc.queryForMap("select sender, sender_name, body from mailbox_message where id = ?", email1);
        assertThat(mail).containsEntry("sender", "***").containsEntry("sender_name", null);
        assertThat((String) mail.get("body")).startsWith("Bonjour, ***").doesNotContainIgnoringCase("roux")
                .doesNotContainIgnoringCase("hélène");
        // the erasure is in the audit log under her number, and her history of changes keeps no old value
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'PERSON_ANONYMISED' "
                + "and subject = ? and actor_id = ?", Integer.class, "#" + helene.id(), manager.id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from change_history where table_name = 'contact' "
                + "and record_id = ? and changes::text <> '{}'", Integer.class, helene.id())).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from change_history where table_name = 'contact' "
                + "and record_id = ? and (changes::text ilike '%roux%' or changes::text ilike '%" + tag + "%')",
                Integer.class, helene.id())).isZero();

        String companyPage = mvc.perform(get("/clients/" + company.id()).with(support.as(sales)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(companyPage).contains("Personne anonymisée").doesNotContain("Hélène").doesNotContain(email)
                .contains("Marc Blanc");
        assertThat(companyPage).as("the timeline names her in words, not by the stored token").doesNotContain(">***");

        // Done again (a second tab, a double click): said, nothing changes.
        mvc.perform(post("/contacts/" + helene.id() + "/privacy/anonymise").with(csrf()).with(support.as(manager))
                        .param("version", String.valueOf(erased.version())).param("confirm", "true"))
                .andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/contacts/" + helene.id() + "/privacy").with(support.as(manager)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Cette personne a été anonymisée le").contains("Anonymisation")
                .doesNotContain("id=\"anonymise-form\"");
    }

    @Test
    void anonymisingIsRefusedWhileAComplaintOfThePersonIsOpenAndTheReasonIsShown() throws Exception {
        Contact anne = clients.addContact(company.id(), TestData.person("Anne", "Lemoine", null));
        complaints.open(new NewComplaint(company.id(), anne.id(), Channel.PHONE, ComplaintCategory.DELIVERY,
                Severity.MEDIUM, "Livraison en retard", "Toujours rien reçu"), manager.id(), sales.asActor());

        String page = mvc.perform(post("/contacts/" + anne.id() + "/privacy/anonymise").with(csrf())
                        .with(support.as(manager))
                        .param("version", String.valueOf(clients.contact(anne.id()).version()))
                        .param("confirm", "true"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Anonymisation refusée").contains("Réclamation ouverte « Livraison en retard »");
        assertThat(clients.contact(anne.id()).isAnonymised()).isFalse();
        assertThat(clients.contact(anne.id()).details().lastName()).isEqualTo("Lemoine");
        assertThat(jdbc.queryForObject("select details ->> 'OPEN_COMPLAINT' from audit_log "
                + "where action = 'PERSON_ANONYMISATION_REFUSED' and subject = ?", String.class, "#" + anne.id()))
                .as("the refusal is in the audit log with its hold").isNotNull();
    }

    @Test
    void anonymisingAsksForTheConfirmationAndTheVersionShown() throws Exception {
        Contact anne = clients.addContact(company.id(), TestData.person("Anne", "Sans", null));
        long version = clients.contact(anne.id()).version();

        String page = mvc.perform(post("/contacts/" + anne.id() + "/privacy/anonymise").with(csrf())
                        .with(support.as(manager)).param("version", String.valueOf(version)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Cochez la confirmation");

        mvc.perform(post("/contacts/" + anne.id() + "/privacy/anonymise").with(csrf()).with(support.as(manager))
                        .param("version", String.valueOf(version + 1)).param("confirm", "true"))
                .andExpect(status().isConflict());
        assertThat(clients.contact(anne.id()).isAnonymised()).as("nothing erased on a stale page").isFalse();
    }

    @Test
    void aConsentChangedOnThePersonsFormIsInTheirHistoryWithWhoAndHow() throws Exception {
        Contact anne = clients.addContact(company.id(), TestData.person("Anne", "Consent", null));
        mvc.perform(post("/contacts/" + anne.id()).with(csrf()).with(support.as(sales))
                        .param("civility", "MRS").param("firstName", "Anne").param("lastName", "Consent")
                        .param("language", "fr").param("consentEmail", "true").param("consentSms", "true")
                        .param("version", String.valueOf(clients.contact(anne.id()).version()))
                        .param("anyway", "true"))
                .andExpect(status().is3xxRedirection());

        String page = mvc.perform(get("/contacts/" + anne.id() + "/privacy").with(support.as(manager)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        var rows = jdbc.queryForList("select channel, granted, recorded_by, source from consent_history "
                + "where contact_id = ? and recorded_by is not null order by channel", anne.id());
        assertThat(rows).extracting(r -> r.get("channel") + "=" + r.get("granted") + " " + r.get("source"))
                .containsExactly("PHONE=false FORM", "SMS=true FORM");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("recorded_by")).isEqualTo(sales.id()));
        assertThat(page).contains(sales.fullName()).contains("Fiche de la personne").contains("retiré")
                .contains("SMS");
    }

    private long logCall(Contact with, String subject, String summary) {
        return interactions.log(new LogInteraction(company.id(), Set.of(with.id()), Channel.PHONE, Direction.OUTBOUND,
                clock.instant().minusSeconds(3600), subject, summary, null, null, null, null), sales.asActor()).id();
    }

    private int companyInteractions() {
        return jdbc.queryForObject("select count(*) from interaction where company_id = ?", Integer.class, company.id());
    }
}
