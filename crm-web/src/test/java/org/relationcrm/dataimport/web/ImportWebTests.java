package org.relationcrm.dataimport.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.CompanyStatus;
import org.relationcrm.dataimport.CsvLayout;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/** Import pages over HTTP through Security: upload, mapping, preview, run, rejected rows; and the clients export. */
@SpringBootTest
@AutoConfigureMockMvc
class ImportWebTests {

    @Autowired MockMvc mvc;
    @Autowired UserService users;
    @Autowired UserDetailsService userDetails;
    @Autowired ClientService clients;

    WebTestSupport support;
    User adv;
    String tag;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        adv = support.newUser(Role.ADV);
        tag = TestData.unique("Web");
    }

    private String upload(String kind, byte[] content) throws Exception {
        MvcResult result = mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "clients.csv",
                        "text/csv", content)).param("kind", kind).with(csrf()).with(support.as(adv)))
                .andReturn();
        return result.getResponse().getRedirectedUrl();
    }

    @Test
    void aFileWithErrorsIsMappedPreviewedRunAndItsRejectedRowsDownloaded() throws Exception {
        String csv = "Réf;Raison sociale;SIREN;Ville\r\n"
                + tag + "-1;Café " + tag + ";;Orléans\r\n"
                + tag + "-2;;;Tours\r\n"
                + tag + "-3;Épicerie " + tag + ";12 34;Nîmes\r\n";
        String mapping = upload("COMPANIES", csv.getBytes(CsvLayout.WINDOWS_1252));
        assertThat(mapping).matches("/imports/\\d+/mapping");
        String job = mapping.replace("/mapping", "");

        String form = mvc.perform(get(mapping).with(support.as(adv))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("<option value=\"1\" selected=\"selected\">Raison sociale</option>");

        mvc.perform(post(mapping).with(csrf()).with(support.as(adv)).param("mapping[COMPANY_EXTERNAL_ID]", "0")
                        .param("mapping[COMPANY_NAME]", "1").param("mapping[COMPANY_LEGAL_ID]", "2")
                        .param("mapping[COMPANY_CITY]", "3").param("templateName", "Ancien CRM " + tag))
                .andExpect(status().is3xxRedirection());
        String preview = mvc.perform(get(job + "/preview").with(support.as(adv))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(preview).contains("2 lignes seront rejetées").contains("Raison sociale : Ce champ est obligatoire.")
                .contains("SIREN : Un SIREN a 9 chiffres, un SIRET 14.");

        mvc.perform(post(job + "/run").with(csrf()).with(support.as(adv))).andExpect(status().is3xxRedirection());
        String page = "";
        for (int i = 0; i < 100 && !page.contains("Terminé"); i++) {
            Thread.sleep(100);
            page = mvc.perform(get(job).header("HX-Request", "true").with(support.as(adv)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        }
        assertThat(page).contains("Terminé").contains("3 sur 3 lignes traitées").contains("2 rejetées")
                .contains("Une fiche créée").contains("id=\"download-rejected\"").doesNotContain("hx-trigger");

        byte[] body = mvc.perform(get(job + "/rejected").with(support.as(adv))).andExpect(status().isOk())
                .andExpect(content().contentType("text/csv;charset=UTF-8"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(body[0]).isEqualTo((byte) 0xEF);
        List<String> lines = new String(body, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines).containsExactly("Réf;Raison sociale;SIREN;Ville;Ligne;Raison du rejet",
                tag + "-2;;;Tours;3;Raison sociale : Ce champ est obligatoire.",
                tag + "-3;Épicerie " + tag + ";12 34;Nîmes;4;SIREN : Un SIREN a 9 chiffres, un SIRET 14.");

        // the saved template is offered for the next file
        String next = upload("COMPANIES", csv.getBytes(CsvLayout.WINDOWS_1252));
        assertThat(mvc.perform(get(next).with(support.as(adv))).andReturn().getResponse().getContentAsString())
                .contains("Ancien CRM " + tag);
    }

    @Test
    void aPersonImportedWhoLooksLikeSomeoneOfHerCompanyIsListedWithLinksToBothAndToTheMerge() throws Exception {
        User manager = support.newUser(Role.MANAGER);
        String siren = String.valueOf(100_000_000 + java.util.concurrent.ThreadLocalRandom.current()
                .nextInt(899_999_999));
        runAs(manager, "COMPANIES", "Nom;SIREN\n" + tag + " SA;" + siren + "\n");
        runAs(manager, "PEOPLE", "Prénom;Nom;Email;Société\nHélène;Dupont" + tag + ";h1." + tag + "@example.com;"
                + siren + "\n");
        String page = runAs(manager, "PEOPLE", "Prénom;Nom;Email;Société\nHelene;DUPONT" + tag + ";h2." + tag
                + "@example.com;" + siren + "\n");

        assertThat(page).contains("un doublon probable").contains("Ligne 2, même nom dans la même entreprise :")
                .contains(">Helene DUPONT" + tag + "</a>").contains(">Hélène Dupont" + tag + "</a>")
                .containsPattern("href=\"/contacts/\\d+\"")
                .containsPattern("href=\"/duplicates/people/merge\\?survivor=\\d+&amp;loser=\\d+\"");
    }

    @Test
    void ordersAreNeitherOfferedNorTakenFromWhoeverMayNotManageThem() throws Exception {
        User manager = support.newUser(Role.MANAGER);

        assertThat(mvc.perform(get("/imports").with(support.as(manager))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("value=\"PEOPLE\"").doesNotContain("value=\"ORDERS\"");
        assertThat(mvc.perform(get("/imports").with(support.as(adv))).andReturn().getResponse()
                .getContentAsString()).contains("value=\"ORDERS\"");
        mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "orders.csv", "text/csv",
                        "N° commande;Client\n1;2\n".getBytes(StandardCharsets.UTF_8))).param("kind", "ORDERS")
                        .with(csrf()).with(support.as(manager)))
                .andExpect(status().isForbidden());
    }

    /** Uploads and runs a file with the guessed mapping; the job's page once done. */
    private String runAs(User user, String kind, String csv) throws Exception {
        String mapping = mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "file.csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8))).param("kind", kind).with(csrf()).with(support.as(user)))
                .andReturn().getResponse().getRedirectedUrl();
        String job = mapping.replace("/mapping", "");
        mvc.perform(post(job + "/run").with(csrf()).with(support.as(user))).andExpect(status().is3xxRedirection());
        String page = "";
        for (int i = 0; i < 100 && !page.contains("Terminé"); i++) {
            Thread.sleep(100);
            page = mvc.perform(get(job).with(support.as(user))).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
        }
        return page;
    }

    @Test
    void anEmptyFileAFileWithHeadersOnlyAndNoFileComeBackWithAReason() throws Exception {
        for (byte[] file : List.of(new byte[0], "Nom;Ville\r\n".getBytes(StandardCharsets.UTF_8))) {
            String page = mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "x.csv", "text/csv",
                            file)).param("kind", "COMPANIES").with(csrf()).with(support.as(adv)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).contains("id=\"upload-errors\"").containsAnyOf("Le fichier est vide",
                    "Le fichier n&#39;a que sa ligne d&#39;en-têtes");
        }
        assertThat(mvc.perform(post("/imports").param("kind", "COMPANIES").with(csrf()).with(support.as(adv)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("upload-errors");
        assertThat(mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "x.csv", "text/csv",
                        "a;b\n1;2\n".getBytes(StandardCharsets.UTF_8))).param("kind", "BOGUS").with(csrf())
                        .with(support.as(adv)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Choisissez ce que contient le fichier.");
    }

    @Test
    void aWrongMappingComesBackWithItsReasonNextToTheField() throws Exception {
        String mapping = upload("COMPANIES", "Nom;Ville\nA;Lyon\n".getBytes(StandardCharsets.UTF_8));

        String page = mvc.perform(post(mapping).with(csrf()).with(support.as(adv))
                        .param("mapping[COMPANY_NAME]", "1").param("mapping[COMPANY_CITY]", "1")
                        .param("mapping[COMPANY_PHONE]", "abc").param("mapping[COMPANY_STREET]", "99"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Cette colonne n&#39;existe pas dans le fichier.");
        page = mvc.perform(post(mapping).with(csrf()).with(support.as(adv))
                        .param("mapping[COMPANY_NAME]", "1").param("mapping[COMPANY_CITY]", "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Cette colonne remplit déjà un autre champ.");
        page = mvc.perform(post(mapping).with(csrf()).with(support.as(adv)).param("mapping[COMPANY_CITY]", "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Choisissez la colonne de ce champ obligatoire.");
    }

    @Test
    void someoneElsesImportIsNotFound() throws Exception {
        String mapping = upload("COMPANIES", "Nom\nA\n".getBytes(StandardCharsets.UTF_8));
        User other = support.newUser(Role.MANAGER);

        mvc.perform(get(mapping.replace("/mapping", "")).with(support.as(other))).andExpect(status().isNotFound());
        mvc.perform(get(mapping.replace("/mapping", "/rejected")).with(support.as(other)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theClientsListIsExportedWithItsFiltersInTheReadersFormat() throws Exception {
        User rep = support.newUser(Role.SALES);
        Company customer = clients.createCompany(TestData.company("Export; " + tag, rep.id()), rep.asActor());
        clients.createCompany(new org.relationcrm.client.CompanyDetails("Export prospect " + tag, null, null, null,
                null, null, "Lyon", null, null, null, CompanyStatus.PROSPECT, rep.id(), null), rep.asActor());

        byte[] french = mvc.perform(get("/clients/export").param("q", "Export").param("status", "CUSTOMER")
                        .param("owner", String.valueOf(rep.id())).with(support.as(rep)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        byte[] english = mvc.perform(get("/clients/export").param("owner", String.valueOf(rep.id()))
                        .param("lang", "en").with(support.as(rep)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        assertThat(french[0]).isEqualTo((byte) 0xEF);
        assertThat(new String(french, StandardCharsets.UTF_8).substring(1).lines().toList()).containsExactly(
                "Type;Nom;Ville;Statut;Commercial;Contact principal;Dernier échange;Complétude (%)",
                "Entreprise;\"" + customer.details().name() + "\";Lyon;Client;" + rep.fullName() + ";;;"
                        + new String(french, StandardCharsets.UTF_8).lines().toList().get(1).replaceAll(".*;", ""));
        List<String> en = new String(english, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(en.getFirst()).isEqualTo("Kind,Name,City,Status,Sales rep,Main contact,Last exchange,Completeness (%)");
        assertThat(en).hasSize(3);
    }
}
