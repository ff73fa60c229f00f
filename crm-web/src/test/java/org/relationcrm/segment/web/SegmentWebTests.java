package org.relationcrm.segment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.Civility;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.Consent;
import org.relationcrm.client.ContactDetails;
import org.relationcrm.segment.SegmentCriteria;
import org.relationcrm.segment.SegmentService;
import org.relationcrm.shared.Channel;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/** A segment's CSV export and its place in the clients list, over real HTTP through Security. */
@SpringBootTest
@AutoConfigureMockMvc
class SegmentWebTests {

    @Autowired MockMvc mvc;
    @Autowired UserService users;
    @Autowired UserDetailsService userDetails;
    @Autowired ClientService clients;
    @Autowired SegmentService segments;

    WebTestSupport support;
    User rep;
    long segment;
    Company company;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        rep = support.newUser(Role.SALES);
        company = clients.createCompany(TestData.company("Garage; \"Petit\" " + TestData.unique("x"), rep.id()),
                rep.asActor());
        clients.addContact(company.id(), new ContactDetails(Civility.MRS, "Claire", "Petit", "Clairette", "Gérante",
                "claire@example.org", "+33 4 78 00 00 00", "06 00 00 00 00", null, Channel.PHONE, "fr", null, null,
                null, new Consent(false, true, false, false)));
        clients.addContact(company.id(), new ContactDetails(Civility.MR, "Marc", "=Durand", null, null,
                "marc@example.org", "04 78 11 11 11", null, null, Channel.EMAIL, "fr", null, null, null,
                new Consent(true, false, false, false)));
        segment = segments.create("Mes clients", false, new SegmentCriteria(null, null, null, null, null, rep.id(),
                null, null, null, null, null, null, null, null, null, null, null, null, null), rep.asActor()).id();
    }

    private String export(Locale locale) throws Exception {
        byte[] body = mvc.perform(get("/segments/" + segment + "/export").param("lang", locale.getLanguage())
                        .with(support.as(rep)))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(body[0]).as("UTF-8 byte-order mark").isEqualTo((byte) 0xEF);
        return new String(body, StandardCharsets.UTF_8).substring(1);
    }

    @Test
    void theExportIsSemicolonSeparatedInFrenchAndLeavesOutWhatPeopleDidNotConsentTo() throws Exception {
        List<String> lines = export(Locale.FRENCH).lines().toList();

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("Entreprise;Civilité;Prénom;Nom;Nom d'usage;Fonction;Email;Téléphone;");
        String name = company.details().name().replace("\"", "\"\"");
        // Marc (email only, sorted before Petit): his email, no phone; a name a spreadsheet would run is neutralised
        assertThat(lines.get(1)).isEqualTo("\"" + name + "\";M.;Marc;'=Durand;;;marc@example.org;;;Lyon;fr;"
                + rep.fullName() + ";Email;");
        // Claire (phone only): her phones, no email
        assertThat(lines.get(2)).isEqualTo("\"" + name + "\";Mme;Claire;Petit;Clairette;Gérante;;+33 4 78 00 00 00;"
                + "06 00 00 00 00;Lyon;fr;" + rep.fullName() + ";Téléphone;");
    }

    @Test
    void theExcelExportHasTheSameColumnsHeadersAndConsentRules() throws Exception {
        byte[] body = mvc.perform(get("/segments/" + segment + "/export").param("format", "XLSX")
                        .param("lang", "en").with(support.as(rep)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"segment-" + segment
                        + ".xlsx\"")).andReturn().getResponse().getContentAsByteArray();
        List<org.dhatim.fastexcel.reader.Row> rows;
        try (var book = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(body))) {
            assertThat(book.getFirstSheet().getName()).isEqualTo("Mes clients");
            rows = book.getFirstSheet().read();
        }

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).getCellCount()).isEqualTo(SegmentExportController.COLUMNS.size());
        assertThat(rows.get(0).getCell(0).asString()).isEqualTo("Company");
        assertThat(rows.get(0).getCell(13).asString()).isEqualTo("Last survey");
        // Marc consents to emails only, Claire to phone calls only; a name starting with = stays text
        assertThat(rows.get(1).getCellText(3)).isEqualTo("=Durand");
        assertThat(rows.get(1).getCellText(6)).isEqualTo("marc@example.org");
        assertThat(rows.get(1).getCellText(7)).isEmpty();
        assertThat(rows.get(2).getCellText(6)).isEmpty();
        assertThat(rows.get(2).getCellText(7)).isEqualTo("+33 4 78 00 00 00");
        assertThat(rows.get(2).getCellText(12)).isEqualTo("Phone");
    }

    @Test
    void theExportIsCommaSeparatedInEnglish() throws Exception {
        assertThat(export(Locale.ENGLISH).lines().findFirst().orElseThrow())
                .startsWith("Company,Title,First name,Last name,Preferred name,Job title,Email,Phone,");
    }

    @Test
    void theClientsListShowsTheClientsOfAChosenSegmentAndRefusesAnotherOnesPrivateSegment() throws Exception {
        String page = mvc.perform(get("/clients").param("segment", String.valueOf(segment)).with(support.as(rep)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Garage; &quot;Petit&quot;").contains("<option value=\"" + segment + "\" selected");

        User colleague = support.newUser(Role.SALES);
        assertThat(mvc.perform(get("/clients").param("segment", String.valueOf(segment))
                .with(support.as(colleague))).andReturn().getResponse().getStatus()).isEqualTo(404);
    }
}
