package org.relationcrm.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.Contact;
import org.relationcrm.pipeline.NextStepPlan;
import org.relationcrm.pipeline.Opportunity;
import org.relationcrm.pipeline.OpportunityDetails;
import org.relationcrm.pipeline.OpportunityService;
import org.relationcrm.pipeline.OpportunitySource;
import org.relationcrm.pipeline.Stage;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * Values a form cannot convert (letters in a number, NaN, an unknown choice, a bad or absurd date, a row index
 * past the limit) bring the form back with the message next to the field and what the user typed, never a 500.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FormConversionTests {

    /** The app's clock (relation.time-zone): "today" is the app's day, whatever the JVM's zone. */
    @Autowired
    java.time.Clock clock;

    static final String OUT_OF_RANGE = "Date hors de la plage acceptée : entre 1800 et 2199.";

    @Autowired MockMvc mvc;
    @Autowired UserService users;
    @Autowired UserDetailsService userDetails;
    @Autowired ClientService clients;
    @Autowired OpportunityService opportunities;
    @Autowired JdbcClient jdbc;

    WebTestSupport support;
    User sales;
    User admin;
    Company company;
    Contact contact;
    Opportunity deal;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        sales = support.newUser(Role.SALES);
        admin = support.newUser(Role.ADMIN);
        company = support.companyOwnedBy(sales);
        contact = clients.addContact(company.id(), TestData.person("Anne", "Martin", "anne@m.example"));
        deal = opportunities.open(company.id(), Stage.PROSPECTING,
                new OpportunityDetails("Équipement", new BigDecimal("1000"), "EUR", null, LocalDate.now(clock).plusMonths(1),
                        sales.id(), OpportunitySource.REFERRAL, Set.of(), Set.of()),
                new NextStepPlan("Appeler", LocalDate.now(clock).plusDays(2)), sales.asActor());
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(csrf()).with(support.as(sales)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private MockHttpServletRequestBuilder companyEdit(String version) {
        return post("/clients/" + company.id()).param("name", "Nom tape").param("city", "Angers")
                .param("status", "PROSPECT").param("ownerId", String.valueOf(sales.id())).param("version", version);
    }

    @Test
    void aCompanyEditWithAVersionThatIsNotANumberComesBackWithTheUsersInput() throws Exception {
        String page = page(companyEdit("abc"));
        assertThat(page).contains("Version de la fiche invalide : rechargez la page.")
                .contains("value=\"Nom tape\"").contains("value=\"Angers\"");
        assertThat(clients.company(company.id()).name()).as("nothing saved").isNotEqualTo("Nom tape");
    }

    /** The deal form with valid values, then the given field=value pairs in place of theirs. */
    private MockHttpServletRequestBuilder dealEdit(String... fieldsAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", "Titre tape");
        values.put("amount", "1000");
        values.put("currency", "EUR");
        values.put("expectedCloseOn", LocalDate.now(clock).plusMonths(2).toString());
        values.put("ownerId", String.valueOf(sales.id()));
        values.put("version", String.valueOf(opportunities.load(deal.id()).version()));
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            values.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        var request = post("/opportunities/" + deal.id());
        values.forEach(request::param);
        return request;
    }

    @Test
    void anAmountThatIsNotAFiniteNumberIsRefusedNextToTheField() throws Exception {
        for (String amount : new String[] {"abc", "NaN", "Infinity", "-Infinity"}) {
            String page = page(dealEdit("amount", amount));
            // A number field cannot show "abc" (browsers blank it): the text fields keep what was typed.
            assertThat(page).as(amount).contains("Montant invalide : un nombre comme 12500 ou 12500.50.")
                    .contains("value=\"Titre tape\"");
        }
        assertThat(opportunities.load(deal.id()).title()).isEqualTo("Équipement");
    }

    @Test
    void aProbabilityTooBigForANumberIsRefusedNextToTheField() throws Exception {
        String page = page(dealEdit("probability", "99999999999"));
        assertThat(page).contains("Une probabilité entre 0 et 100.").contains("value=\"Titre tape\"");
    }

    @Test
    void aCloseDateOutOfRangeIsRefusedNextToTheField() throws Exception {
        for (String date : new String[] {"0001-01-01", "9999-12-31", "-4714-01-01"}) {
            assertThat(page(dealEdit("expectedCloseOn", date))).as(date).contains(OUT_OF_RANGE);
        }
        assertThat(page(dealEdit("expectedCloseOn", "2026-13-45"))).contains("Date invalide.");
    }

    /** The person form with valid values, then the given field=value pairs in place of theirs or added. */
    private MockHttpServletRequestBuilder contactEdit(String... fieldsAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("civility", "MRS");
        values.put("lastName", "Nom tape");
        values.put("language", "fr");
        values.put("version", String.valueOf(clients.contact(contact.id()).version()));
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            values.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        var request = post("/contacts/" + contact.id());
        values.forEach(request::param);
        return request;
    }

    @Test
    void anUnknownCivilityAndAConsentThatIsNeitherYesNorNoAreShownNextToTheirFields() throws Exception {
        String page = page(contactEdit("civility", "BOGUS", "consentEmail", "maybe"));
        assertThat(page).contains("Valeur invalide.").contains("Valeur invalide : cochez ou décochez la case.")
                .contains("value=\"Nom tape\"");
    }

    @Test
    void anImportantDateOutOfRangeOrARowPastTheLimitIsShownOnTheForm() throws Exception {
        String page = page(contactEdit("importantDates[0].label", "Naissance",
                "importantDates[0].date", "0001-01-01"));
        assertThat(page).contains(OUT_OF_RANGE).contains("value=\"Naissance\"");

        page = page(contactEdit("importantDates[300].label", "x"));
        assertThat(page).contains("Trop de lignes dans ce formulaire.").contains("value=\"Nom tape\"");

        // Rows 0 to 3 left out are blank rows, not a server error.
        mvc.perform(contactEdit("importantDates[4].label", "Fête", "importantDates[4].date", "2020-06-01")
                        .with(csrf()).with(support.as(sales)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select label from contact_important_date where contact_id = ?").param(contact.id())
                .query(String.class).list()).containsExactly("Fête");
    }

    @Test
    void anInteractionOutOfRangeIsRefusedNextToItsDate() throws Exception {
        for (String when : new String[] {"-4714-01-01T10:00", "0001-01-01T10:00"}) {
            String page = page(post("/clients/" + company.id() + "/interactions").param("channel", "PHONE")
                    .param("direction", "OUTBOUND").param("occurredAt", when).param("subject", "Appel tape")
                    .param("nextStepAction", "Rappeler").param("nextStepDue", "9999-12-31"));
            assertThat(page).as(when).contains(OUT_OF_RANGE).contains("value=\"Appel tape\"");
        }
    }

    @Test
    void anUnknownRoleOnTheUserFormIsShownNextToTheField() throws Exception {
        User other = support.newUser(Role.SUPPORT);
        String page = mvc.perform(post("/admin/users/" + other.id()).with(csrf()).with(support.as(admin))
                        .param("role", "BOGUS").param("department", "SUPPORT").param("enabled", "true")
                        .param("version", "abc"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Valeur invalide.").contains("Version de la fiche invalide : rechargez la page.");
    }

    @Test
    void aMeetingForAClientThatIsNotANumberIsABadRequest() throws Exception {
        mvc.perform(post("/meetings").with(csrf()).with(support.as(sales)).param("companyId", "abc")
                        .param("title", "RDV").param("meetingAt", LocalDate.now(clock).plusDays(1) + "T10:00"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theMessagesReadInEnglishToo() throws Exception {
        String page = page(dealEdit("amount", "NaN", "expectedCloseOn", "9999-12-31")
                .cookie(new Cookie("relation-lang", "en")));
        assertThat(page).contains("Invalid amount: a number such as 12500 or 12500.50.")
                .contains("Date outside the accepted range: between 1800 and 2199.");
    }
}
