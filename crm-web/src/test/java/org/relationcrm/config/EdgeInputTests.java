package org.relationcrm.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
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
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/** What reaches the application at its edge: NUL bytes, links with a broken page cursor, over-long searches. */
@SpringBootTest
@AutoConfigureMockMvc
class EdgeInputTests {

    @Autowired MockMvc mvc;
    @Autowired UserService users;
    @Autowired UserDetailsService userDetails;
    @Autowired ClientService clients;

    WebTestSupport support;
    User sales;
    User manager;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        sales = support.newUser(Role.SALES);
        manager = support.newUser(Role.MANAGER);
    }

    @Test
    void aNulByteInASearchIsDroppedAndTheListAnswers() throws Exception {
        mvc.perform(get("/clients").param("q", "a\u0000b").with(support.as(sales)))
                .andExpect(status().isOk());
    }

    @Test
    void aNulByteInAFormFieldIsDroppedAndTheRestIsSaved() throws Exception {
        var result = mvc.perform(post("/clients").with(csrf()).with(support.as(sales))
                        .param("name", "Menui\u0000serie Nul").param("city", "T\u0000ours")
                        .param("status", "PROSPECT").param("ownerId", String.valueOf(sales.id())))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        long id = Long.parseLong(result.getResponse().getRedirectedUrl().substring("/clients/".length()));
        Company saved = clients.company(id);
        assertThat(saved.name()).isEqualTo("Menuiserie Nul");
        assertThat(saved.details().city()).isEqualTo("Tours");
    }

    @Test
    void theLoginFormGetsItsParametersWithoutNulBytesToo() throws Exception {
        // The filter runs before Spring Security's: the login filter reads the cleaned user name. (The NUL is
        // inside the name: Spring Security trims the ends itself.)
        String withNul = sales.username().substring(0, 3) + "\u0000" + sales.username().substring(3);
        mvc.perform(post("/login").with(csrf()).param("username", withNul).param("password", WebTestSupport.PASSWORD))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void theTimelinesFiltersRefuseWhatTheyCannotReadAndKeepTheRest() throws Exception {
        Company company = support.companyOwnedBy(sales);
        String[][] refused = {{"channel", "FAX"}, {"department", "legal"}, {"month", "2025-13"}, {"month", "mars"},
                {"month", "0001-01"}, {"month", "99999-01"}};
        for (String[] param : refused) {
            mvc.perform(get("/clients/" + company.id()).param(param[0], param[1]).with(support.as(sales)))
                    .andExpect(status().isBadRequest());
            mvc.perform(get("/clients/" + company.id() + "/timeline").param(param[0], param[1])
                            .header("HX-Request", "true").with(support.as(sales)))
                    .andExpect(status().isBadRequest());
        }
        // words: a NUL byte is dropped, a long text cut to what the search keeps, wildcards are plain characters
        for (String words : new String[] {"a\u0000b", "x".repeat(900), "%_\\", "   "}) {
            mvc.perform(get("/clients/" + company.id()).param("q", words).with(support.as(sales)))
                    .andExpect(status().isOk());
        }
    }

    @Test
    void aBrokenPageCursorIsABadLinkNotAConflict() throws Exception {
        Company company = support.companyOwnedBy(sales);
        Contact person = clients.addContact(company.id(), TestData.person("Anne", "Curseur", "anne@c.example"));
        String nulInName = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("COMPANY:1:a\u0000b".getBytes(StandardCharsets.UTF_8));
        String[] clientCursors = {"garbage", "%%%", "Q09NUEFOWTox", nulInName, "x".repeat(500)};
        for (String after : clientCursors) {
            mvc.perform(get("/clients").param("after", after).with(support.as(sales)))
                    .andExpect(status().isBadRequest())
                    // the page speaks the reader's language: never the exception's developer English
                    .andExpect(content().string(org.hamcrest.Matchers.not(
                            org.hamcrest.Matchers.containsString("invalid page cursor"))));
        }
        String[] timelineCursors = {"garbage", "1.2", "99999999999999.0.1", "-99999999999.0.1", "1.x.3"};
        for (String before : timelineCursors) {
            mvc.perform(get("/clients/" + company.id()).param("before", before).with(support.as(sales)))
                    .andExpect(status().isBadRequest());
            mvc.perform(get("/contacts/" + person.id() + "/timeline").param("before", before)
                            .header("HX-Request", "true").with(support.as(sales)))
                    .andExpect(status().isBadRequest());
        }
        String[] feedbackCursors = {"garbage", "5", "1_2_3", "99999999999999999_1", "x_1"};
        for (String after : feedbackCursors) {
            mvc.perform(get("/risk").param("after", after).with(support.as(manager)))
                    .andExpect(status().isBadRequest());
            mvc.perform(get("/silent-clients").param("after", after).with(support.as(manager)))
                    .andExpect(status().isBadRequest());
        }
        // the complaint queue's cursor is the number of the last complaint shown, whatever the column sorted on
        String[] complaintCursors = {"garbage", "0", "-5", "1_2", "99999999999999999999", "x_1"};
        for (String after : complaintCursors) {
            mvc.perform(get("/complaints").param("after", after).with(support.as(manager)))
                    .andExpect(status().isBadRequest());
        }
        mvc.perform(get("/complaints").param("sort", "id; drop table complaint").with(support.as(manager)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/complaints").param("sort", "SEVERITY").param("dir", "sideways").with(support.as(manager)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aTenThousandCharacterSearchIsABadRequest() throws Exception {
        mvc.perform(get("/clients").param("q", "x".repeat(10_000)).with(support.as(sales)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/clients").param("q", "x".repeat(ParameterEdge.MAX_GET_PARAMETER_LENGTH))
                        .with(support.as(sales)))
                .andExpect(status().isOk());
    }
}
