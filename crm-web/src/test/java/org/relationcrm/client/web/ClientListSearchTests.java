package org.relationcrm.client.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/** The clients list says how it matched the text, and offers to look for it anywhere. */
@SpringBootTest
@AutoConfigureMockMvc
class ClientListSearchTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    ClientService clients;

    WebTestSupport support;
    User sales;
    String tag;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        sales = support.newUser(Role.SALES);
        tag = TestData.unique("ls").replace("-", "");
    }

    @Test
    void namesStartingWithTheTextComeFirstAndTheListOffersToSearchAnywhere() throws Exception {
        Company starts = clients.createCompany(TestData.company(tag + " Menuiserie", sales.id()), sales.asActor());
        Company inside = clients.createCompany(TestData.company("Atelier " + tag, sales.id()), sales.asActor());

        String first = page("/clients?q=" + tag);
        String anywhere = page("/clients?q=" + tag + "&match=ANYWHERE");

        assertThat(first).contains("Noms commençant par « " + tag + " »").contains("id=\"search-anywhere\"")
                .contains("/clients/" + starts.id() + "\"").doesNotContain("/clients/" + inside.id() + "\"");
        assertThat(anywhere).contains("« " + tag + " » n&#39;importe où")
                .contains("/clients/" + starts.id() + "\"").contains("/clients/" + inside.id() + "\"");
    }

    @Test
    void whenNoNameStartsWithTheTextTheListLooksAnywhereAndSaysSo() throws Exception {
        Company inside = clients.createCompany(TestData.company("Atelier " + tag, sales.id()), sales.asActor());

        String page = page("/clients?q=" + tag);

        assertThat(page).contains("n&#39;importe où").contains("/clients/" + inside.id() + "\"")
                .doesNotContain("id=\"search-anywhere\"");
    }

    @Test
    void anUnknownMatchIsABadRequestNotAnError() throws Exception {
        mvc.perform(get("/clients?q=abc&match=EVERYWHERE").with(support.as(sales))).andExpect(status().isBadRequest());
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(support.as(sales))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
