package org.relationcrm.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.team.Permission;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.team.web.CurrentUser;

/**
 * The menu is drawn from the same permissions as the routes' rules: each role sees exactly the pages it may open,
 * and every page another role sees in its menu is refused to it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NavigationTests {

    /** A link of the menu, in a group or on its own (layout.html); the account menu's links are not pages to check. */
    private static final Pattern LINK = Pattern.compile("<a href=\"([^\"]+)\" class=\"menu-link\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    ClientService clients;

    @Test
    void everyRoleSeesInTheMenuExactlyThePagesItMayOpen() throws Exception {
        WebTestSupport support = new WebTestSupport(users, userDetails, clients);
        Map<Role, User> byRole = new EnumMap<>(Role.class);
        Map<Role, Set<String>> menus = new EnumMap<>(Role.class);
        Set<String> everyLink = new LinkedHashSet<>();
        for (Role role : Role.values()) {
            User user = support.newUser(role);
            byRole.put(role, user);
            menus.put(role, menuOf(mvc.perform(get("/clients").with(support.as(user))).andReturn()
                    .getResponse().getContentAsString()));
            everyLink.addAll(menus.get(role));
        }
        // not vacuous: the menu has pages for everyone and pages for some roles only
        assertThat(everyLink).contains("/clients", "/pipeline", "/pipeline/dashboard", "/concessions/pending",
                "/clients/new", "/complaints", "/admin/product-lines", "/admin/users");

        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            for (String link : everyLink) {
                int status = mvc.perform(get(link).with(support.as(byRole.get(role)))).andReturn()
                        .getResponse().getStatus();
                boolean shown = menus.get(role).contains(link);
                if (shown != (status == 200) || (!shown && status != 403)) {
                    wrong.add(role + " " + link + (shown ? " shown" : " hidden") + " but answers " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theBarShowsAFewMenusInsteadOfARowOfLinks() throws Exception {
        WebTestSupport support = new WebTestSupport(users, userDetails, clients);
        String manager = mvc.perform(get("/risk").with(support.as(support.newUser(Role.MANAGER)))).andReturn()
                .getResponse().getContentAsString();

        // My day, Clients ▾, Sales ▾, Service ▾, Steering ▾, New ▾: six places instead of twenty-three links
        assertThat(Pattern.compile("<li class=\"menu-item").matcher(manager).results().count()).isEqualTo(6);
        assertThat(Pattern.compile("<summary>([^<]+)</summary>").matcher(manager).results().map(m -> m.group(1)).toList())
                .containsExactly("Clients", "Ventes", "Service", "Pilotage", "Créer");
        assertThat(menuOf(manager)).hasSize(23);
        // the menu holding the page is marked, and so is the page's link
        assertThat(manager).contains("<li class=\"menu-item current\">")
                .containsPattern("<a href=\"/risk\" class=\"menu-link\"\\s+aria-current=\"page\">");

        // a group with one link for this role is that link (New: a person); Service holds complaints and requests;
        // Steering their own coaching and KPIs
        String support1 = mvc.perform(get("/clients").with(support.as(support.newUser(Role.SUPPORT)))).andReturn()
                .getResponse().getContentAsString();
        assertThat(Pattern.compile("<summary>([^<]+)</summary>").matcher(support1).results().map(m -> m.group(1)).toList())
                .containsExactly("Clients", "Service", "Pilotage");
        assertThat(support1).contains("<a href=\"/complaints\" class=\"menu-link\">Réclamations</a>",
                "<a href=\"/my-coaching\" class=\"menu-link\">Mon coaching</a>",
                "<a href=\"/segments\" class=\"menu-link\">Segments</a>",
                "<a href=\"/contacts/new\" class=\"menu-link\">Nouveau particulier</a>");
    }

    @Test
    void theMenuRenderedOnceStillFollowsThePageTheLanguageAndTheRights() throws Exception {
        WebTestSupport support = new WebTestSupport(users, userDetails, clients);
        User manager = support.newUser(Role.MANAGER);
        String risk = mvc.perform(get("/risk").with(support.as(manager))).andReturn().getResponse().getContentAsString();
        String pipeline = mvc.perform(get("/pipeline").with(support.as(manager))).andReturn().getResponse()
                .getContentAsString();
        String notInMenu = mvc.perform(get("/profile/password").with(support.as(manager))).andReturn().getResponse()
                .getContentAsString();
        String english = mvc.perform(get("/risk").with(support.as(manager)).param("lang", "en")).andReturn()
                .getResponse().getContentAsString();

        assertThat(risk).containsPattern("<a href=\"/risk\" class=\"menu-link\"\\s+aria-current=\"page\">")
                .doesNotContainPattern("<a href=\"/pipeline\" class=\"menu-link\"\\s+aria-current");
        assertThat(pipeline).containsPattern("<a href=\"/pipeline\" class=\"menu-link\"\\s+aria-current=\"page\">")
                .doesNotContainPattern("<a href=\"/risk\" class=\"menu-link\"\\s+aria-current");
        assertThat(notInMenu).contains("id=\"main-menu\"").doesNotContain("menu-item current", "aria-current=\"page\"");
        assertThat(Pattern.compile("<summary>([^<]+)</summary>").matcher(english).results().map(m -> m.group(1)).toList())
                .containsExactly("Clients", "Sales", "Service", "Management", "New");
        assertThat(english).contains("placeholder=\"Search").doesNotContain("Ventes");

        // the next user, with other rights, on the same page gets their own menu, not the one kept for the manager
        String sales = mvc.perform(get("/risk").with(support.as(support.newUser(Role.SALES)))).andReturn()
                .getResponse().getContentAsString();
        assertThat(menuOf(sales)).doesNotContain("/pipeline/dashboard", "/coaching").contains("/pipeline");
        assertThat(menuOf(risk)).contains("/pipeline/dashboard", "/coaching");
    }

    @Test
    void theSignedInUserCarriesItsRoleAndEachPermissionItGrants() {
        WebTestSupport support = new WebTestSupport(users, userDetails, clients);
        CurrentUser support1 = (CurrentUser) userDetails.loadUserByUsername(support.newUser(Role.SUPPORT).username());

        assertThat(support1.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_SUPPORT", "PERM_LOG_INTERACTIONS", "PERM_RECORD_COMPLAINTS",
                        "PERM_HANDLE_COMPLAINTS", "PERM_SEND_SURVEYS", "PERM_SEND_REQUESTS", "PERM_ANSWER_REQUESTS",
                        "PERM_USE_SEGMENTS");
        assertThat(support1.can("HANDLE_COMPLAINTS")).isTrue();
        assertThat(support1.can(Permission.APPROVE_CONCESSIONS)).isFalse();
    }

    private static Set<String> menuOf(String page) {
        assertThat(page).as("the page has a menu").contains("id=\"main-menu\"");
        Set<String> links = new LinkedHashSet<>();
        Matcher link = LINK.matcher(page);
        while (link.find()) {
            links.add(link.group(1));
        }
        return links;
    }
}
