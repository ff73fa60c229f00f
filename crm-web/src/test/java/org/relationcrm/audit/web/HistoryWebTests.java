package org.relationcrm.audit.web;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.segment.SegmentCriteria;
import org.relationcrm.segment.SegmentService;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;

/**
 * A record's history of changes through the pages: the rep's edit, as the form saves it, is shown to a manager field
 * by field (labels and values as people read them, the rep named); a rep is refused it. An administrator's change
 * of a user's role is in that user's history and in the audit log; a segment's export is in the audit log.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HistoryWebTests {

    @Autowired MockMvc mvc;
    @Autowired UserService users;
    @Autowired UserDetailsService userDetails;
    @Autowired ClientService clients;
    @Autowired JdbcClient jdbc;

    WebTestSupport support;
    User rep;
    User manager;
    Company company;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        rep = support.newUser(Role.SALES);
        manager = support.newUser(Role.MANAGER);
        company = support.companyOwnedBy(rep);
    }

    @Test
    void aManagerSeesTheFieldTheRepChangedWithItsOldAndNewValueAndTheRepIsRefused() throws Exception {
        mvc.perform(post("/clients/" + company.id()).with(csrf()).with(support.as(rep))
                        .param("name", "Renommée SA").param("status", "PROSPECT").param("city", "Lyon")
                        .param("sector", "Industrie").param("country", "France")
                        .param("ownerId", String.valueOf(rep.id())).param("version", String.valueOf(company.version())))
                .andExpect(status().is3xxRedirection());

        String panel = mvc.perform(get("/history/company/" + company.id()).header("HX-Request", "true")
                        .with(support.as(manager)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(panel).doesNotContain("<html").contains("Modification").contains(rep.fullName())
                .contains("Raison sociale").contains(company.name()).contains("Renommée SA")
                // the status, an enum, read through the messages; no column name shown
                .contains("Statut").contains("Prospect").doesNotContain("owner_id").doesNotContain(">name<");
        String page = mvc.perform(get("/history/company/" + company.id()).with(support.as(manager)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<html").contains("Historique des modifications").contains("Renommée SA");
        // the company's page offers the panel to the manager, not to the rep
        assertThat(mvc.perform(get("/clients/" + company.id()).with(support.as(manager))).andReturn().getResponse()
                .getContentAsString()).contains("/history/company/" + company.id());
        assertThat(mvc.perform(get("/clients/" + company.id()).with(support.as(rep))).andReturn().getResponse()
                .getContentAsString()).doesNotContain("/history/company/");

        mvc.perform(get("/history/company/" + company.id()).with(support.as(rep))).andExpect(status().isForbidden());
    }

    @Test
    void anAdministratorsChangeOfARoleIsInTheUsersHistoryAndInTheAuditLog() throws Exception {
        User admin = support.newUser(Role.ADMIN);
        User promoted = users.get(support.newUser(Role.SALES).id());
        mvc.perform(post("/admin/users/" + promoted.id()).with(csrf()).with(support.as(admin))
                        .param("username", promoted.username()).param("fullName", promoted.fullName())
                        .param("role", "MANAGER").param("department", "MANAGEMENT").param("enabled", "true")
                        .param("version", String.valueOf(promoted.version())))
                .andExpect(status().is3xxRedirection());

        String history = mvc.perform(get("/history/user/" + promoted.id()).with(support.as(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(history).contains("Rôle").contains("Commercial").contains("Manager").contains(admin.fullName());
        String log = mvc.perform(get("/admin/audit").param("action", "ROLE_CHANGED").param("user", admin.username())
                        .with(support.as(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(log).contains("Droits ou compte modifiés").contains(promoted.username());
    }

    @Test
    void aSegmentsExportIsInTheAuditLogWithItsRows(@Autowired SegmentService segments) throws Exception {
        User admin = support.newUser(Role.ADMIN);
        var mine = new SegmentCriteria(null, null, null, null, null, rep.id(), null, null, null, null, null, null, null,
                null, null, null, null, null, null);
        long segment = segments.create("Export audité", false, mine, rep.asActor()).id();

        mvc.perform(get("/segments/" + segment + "/export").with(support.as(rep))).andExpect(status().isOk());

        String log = mvc.perform(get("/admin/audit").param("action", "EXPORT").param("user", rep.username())
                        .with(support.as(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(log).contains("Export audité").contains("Lignes : 0");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'EXPORT' and actor_id = :id")
                .param("id", rep.id()).query(Long.class).single()).isEqualTo(1);
    }
}
