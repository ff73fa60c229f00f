package org.relationcrm.dataimport.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.LogInteraction;
import org.relationcrm.shared.Channel;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;
import org.relationcrm.testing.Workbooks;

/** Excel over HTTP: a workbook uploaded to the import, and the clients list exported as a workbook. */
@SpringBootTest
@AutoConfigureMockMvc
class ExcelWebTests {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired MockMvc mvc;
    @Autowired Clock clock;
    @Autowired UserService users;
    @Autowired UserDetailsService userDetails;
    @Autowired ClientService clients;
    @Autowired InteractionService interactions;

    WebTestSupport support;
    String tag;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        tag = TestData.unique("Xl");
    }

    @Test
    void aWorkbookIsUploadedAndItsColumnsOfferedForTheMapping() throws Exception {
        User adv = support.newUser(Role.ADV);
        byte[] workbook = Workbooks.xlsx(List.of(Arrays.asList("Raison sociale", "Ville", "Créée le"),
                Arrays.asList("Café " + tag, "Orléans", LocalDate.of(2020, 1, 31)),
                Arrays.asList("Épicerie " + tag, null, LocalDate.of(2021, 6, 1))));

        String mapping = mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "clients.xlsx", XLSX,
                        workbook)).param("kind", "COMPANIES").with(csrf()).with(support.as(adv)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(mapping).matches("/imports/\\d+/mapping");
        String form = mvc.perform(get(mapping).with(support.as(adv))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("<option value=\"0\" selected=\"selected\">Raison sociale</option>")
                .contains(">Créée le</option>").contains("clients.xlsx");

        // a broken workbook comes back with its reason, not an error page
        String page = mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "x.xlsx", XLSX,
                        Arrays.copyOf(workbook, 100))).param("kind", "COMPANIES").with(csrf()).with(support.as(adv)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"upload-errors\"").contains("ressemble à un classeur Excel");
    }

    @Test
    void theClientsListIsExportedAsAWorkbookWithTypedCellsAndHeadersInTheReadersLanguage() throws Exception {
        User rep = support.newUser(Role.SALES);
        Company company = clients.createCompany(TestData.company("=Export " + tag, rep.id()), rep.asActor());
        Instant called = LocalDateTime.of(2026, 3, 5, 10, 0).atZone(clock.getZone()).toInstant();
        interactions.log(new LogInteraction(company.id(), Set.of(), Channel.PHONE, Direction.OUTBOUND, called,
                "Appel", null, null, null, null, null), rep.asActor());

        List<Row> french = export(rep, "fr");
        List<Row> english = export(rep, "en");

        assertThat(texts(french.getFirst())).containsExactly("Type", "Nom", "Ville", "Statut", "Commercial",
                "Contact principal", "Dernier échange", "Complétude (%)");
        assertThat(texts(english.getFirst())).containsExactly("Kind", "Name", "City", "Status", "Sales rep",
                "Main contact", "Last exchange", "Completeness (%)");
        assertThat(french).hasSize(2);
        Row row = french.get(1);
        assertThat(row.getCell(0).asString()).isEqualTo("Entreprise");
        assertThat(row.getCell(1).asString()).as("text stays text, never a formula").isEqualTo("=Export " + tag);
        assertThat(row.getCell(1).getFormula()).isNull();
        assertThat(row.getCell(2).asString()).isEqualTo("Lyon");
        assertThat(row.getCell(3).asString()).isEqualTo("Client");
        assertThat(row.getCell(4).asString()).isEqualTo(rep.fullName());
        assertThat(row.hasCell(5) && row.getCell(5).getType() != CellType.EMPTY).isFalse();
        Cell lastExchange = row.getCell(6);
        assertThat(lastExchange.getType()).isEqualTo(CellType.NUMBER);
        assertThat(lastExchange.asDate()).isEqualTo(LocalDate.of(2026, 3, 5).atStartOfDay());
        assertThat(lastExchange.getDataFormatString()).isEqualTo("dd/mm/yyyy");
        assertThat(english.get(1).getCell(6).getDataFormatString()).isEqualTo("m/d/yyyy");
        Cell completeness = row.getCell(7);
        assertThat(completeness.getType()).isEqualTo(CellType.NUMBER);
        assertThat(completeness.asNumber()).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));
        assertThat(completeness.asNumber().scale()).isLessThanOrEqualTo(0);
        // a format the export does not know is a bad request, not an error
        mvc.perform(get("/clients/export").param("format", "PDF").with(support.as(rep)))
                .andExpect(status().isBadRequest());
    }

    private List<Row> export(User rep, String lang) throws Exception {
        byte[] body = mvc.perform(get("/clients/export").param("owner", String.valueOf(rep.id()))
                        .param("format", "XLSX").param("lang", lang).with(support.as(rep)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", XLSX))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"liste-clients.xlsx\""))
                .andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(body),
                new ReadingOptions(true, false))) {
            return book.getFirstSheet().read();
        }
    }

    private static List<String> texts(Row row) {
        return row.stream().map(Cell::getText).toList();
    }
}
