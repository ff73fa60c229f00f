package org.relationcrm.quality.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.quality.MergeService;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;

/** The merge form refuses up front what its post would refuse. */
@SpringBootTest
@AutoConfigureMockMvc
class MergeFormTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    ClientService clients;

    @Test
    void aRecordMergedWithItselfIsRefusedBeforeTheFormIsFilled() throws Exception {
        WebTestSupport support = new WebTestSupport(users, userDetails, clients);
        User manager = support.newUser(Role.MANAGER);
        long id = support.companyOwnedBy(manager).id();

        mvc.perform(get("/duplicates/merge").param("survivor", String.valueOf(id)).param("loser", String.valueOf(id))
                        .with(support.as(manager)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/duplicates"))
                .andExpect(flash().attribute("refused", MergeService.SAME_COMPANY));
    }
}
