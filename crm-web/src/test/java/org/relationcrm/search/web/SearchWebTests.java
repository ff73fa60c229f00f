package org.relationcrm.search.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.feedback.Complaint;
import org.relationcrm.feedback.ComplaintCategory;
import org.relationcrm.feedback.ComplaintService;
import org.relationcrm.feedback.NewComplaint;
import org.relationcrm.feedback.Severity;
import org.relationcrm.pipeline.NextStepPlan;
import org.relationcrm.pipeline.OpportunityDetails;
import org.relationcrm.pipeline.OpportunityService;
import org.relationcrm.pipeline.OpportunitySource;
import org.relationcrm.pipeline.Stage;
import org.relationcrm.search.SearchKind;
import org.relationcrm.shared.Channel;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.SqlStatementCounter;
import org.relationcrm.testing.TestData;

/**
 * The search box over HTTP: a drop-down for htmx, a whole page without it, one SQL statement per search whatever is
 * typed, and hits that each role may open.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SqlStatementCounter.Config.class)
class SearchWebTests {

    /** The app's clock (relation.time-zone): "today" is the app's day, whatever the JVM's zone. */
    @Autowired
    java.time.Clock clock;

    private static final Pattern HIT = Pattern.compile("class=\"search-hit\" href=\"([^\"]+)\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    SqlStatementCounter counter;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    ClientService clients;
    @Autowired
    OpportunityService opportunities;
    @Autowired
    ComplaintService complaints;
    @Autowired
    WebInvocationPrivilegeEvaluator routes;

    WebTestSupport support;
    User sales;
    String tag;
    Company company;
    long dealId;
    Complaint complaint;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        sales = support.newUser(Role.SALES);
        tag = TestData.unique("sw").replace("-", "");
        company = clients.createCompany(TestData.company(tag + " Industries", sales.id()), sales.asActor());
        clients.addContact(company.id(), TestData.person("Anne", "Martin", "anne@" + tag + ".fr"));
        dealId = opportunities.open(company.id(), Stage.QUALIFIED,
                new OpportunityDetails("Mission de conseil", new BigDecimal("9000"), "EUR", null,
                        LocalDate.now(clock).plusMonths(1), sales.id(), OpportunitySource.REFERRAL, Set.of(), Set.of()),
                new NextStepPlan("Rappeler", LocalDate.now(clock).plusDays(2)), sales.asActor()).id();
        complaint = complaints.open(new NewComplaint(company.id(), null, Channel.EMAIL, ComplaintCategory.BILLING,
                Severity.LOW, "Facture en double", "Facture en double"), support.newUser(Role.SUPPORT).id(), sales.asActor());
    }

    @Test
    void htmxGetsTheDropDownAndAPlainRequestTheWholePage() throws Exception {
        String dropDown = body(get("/search").param("q", tag).header("HX-Request", "true"), sales);
        assertThat(dropDown).doesNotContain("<html").contains("data-query=\"" + tag + "\"")
                .contains("hx-swap-oob").contains("4 résultats")
                .contains("href=\"/clients/" + company.id() + "\"", "href=\"/opportunities/" + dealId + "\"",
                        "href=\"/complaints/" + complaint.id() + "\"", "Réclamation n° " + complaint.id(),
                        "Qualifiée", "Mission de conseil", "href=\"/search?q=" + tag + "\"");

        String page = body(get("/search").param("q", tag), sales);
        assertThat(page).contains("<html", "id=\"global-search\"", "Résultats pour « " + tag + " »",
                "href=\"/clients/" + company.id() + "\"", "href=\"/clients?q=" + tag + "&amp;match=ANYWHERE\"");

        assertThat(body(get("/search").param("q", "zzz" + tag), sales)).contains("Rien ne correspond à « zzz" + tag + " ».");
        assertThat(body(get("/search"), sales)).contains("Tapez un nom");
    }

    @Test
    void everySearchIsOneStatementWhateverIsTyped() throws Exception {
        List<String> texts = List.of("s", tag, tag.substring(0, 2), "#" + complaint.id(), "anne@" + tag,
                "06 12 34 56 78", "x".repeat(150), "100%_");
        RequestPostProcessor asSales = support.as(sales); // loads the user: a statement, before counting
        for (String text : texts) {
            counter.reset();
            body(get("/search").param("q", text).header("HX-Request", "true"), asSales);
            assertThat(counter.count()).as("statements for «%s»", text).isEqualTo(1);
            counter.reset();
            body(get("/search").param("q", text), asSales);
            assertThat(counter.count()).as("statements for «%s», whole page", text).isEqualTo(1);
        }
        counter.reset();
        body(get("/search").param("q", " "), asSales);
        assertThat(counter.count()).isZero();
    }

    @Test
    void everyRoleOpensEveryHitItIsShown() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            User user = support.newUser(role);
            Set<String> links = hits(body(get("/search").param("q", tag), user));
            assertThat(links).as("hits for %s", role).hasSizeGreaterThanOrEqualTo(4);
            for (String link : links) {
                int status = mvc.perform(get(link).with(support.as(user))).andReturn().getResponse().getStatus();
                if (status != 200) {
                    wrong.add(role + " " + link + " answers " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void onlyKindsWhosePagesTheUserMayOpenAreSearched() {
        assertThat(SearchController.visibleKinds(page -> !page.startsWith("/complaints/")))
                .containsExactly(SearchKind.COMPANY, SearchKind.PERSON, SearchKind.DEAL);
        // asked of the real route rules: a visitor who is not signed in may open none of them
        var visitor = new AnonymousAuthenticationToken("key", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        assertThat(SearchController.visibleKinds(page -> routes.isAllowed("", page, "GET", visitor))).isEmpty();
        var signedIn = userDetails.loadUserByUsername(sales.username());
        var rep = new UsernamePasswordAuthenticationToken(signedIn, null, signedIn.getAuthorities());
        assertThat(SearchController.visibleKinds(page -> routes.isAllowed("", page, "GET", rep)))
                .isEqualTo(EnumSet.allOf(SearchKind.class));
    }

    private String body(MockHttpServletRequestBuilder request, User user) throws Exception {
        return body(request, support.as(user));
    }

    private String body(MockHttpServletRequestBuilder request, RequestPostProcessor user) throws Exception {
        var response = mvc.perform(request.with(user)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private static Set<String> hits(String page) {
        Set<String> links = new LinkedHashSet<>();
        Matcher hit = HIT.matcher(page);
        while (hit.find()) {
            links.add(hit.group(1));
        }
        return links;
    }
}
