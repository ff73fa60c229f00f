package org.relationcrm.client.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.Contact;
import org.relationcrm.feedback.SentSurvey;
import org.relationcrm.feedback.SurveyKind;
import org.relationcrm.feedback.SurveyService;
import org.relationcrm.pipeline.NextStepPlan;
import org.relationcrm.pipeline.OpportunityDetails;
import org.relationcrm.pipeline.OpportunityService;
import org.relationcrm.pipeline.OpportunitySource;
import org.relationcrm.pipeline.Stage;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.SqlStatementCounter;
import org.relationcrm.testing.TestData;

/**
 * The 360° page, the timeline's next page and the search issue a fixed number of SQL statements, whether the
 * client has 10 interactions or 10 000. Counted on the DataSource, through the whole request. The 360° page is
 * composed by its controller (each feature's card read before rendering), so the count is the whole page's.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SqlStatementCounter.Config.class)
class ClientRecordQueryCountTests {

    /** The app's clock (relation.time-zone): "today" is the app's day, whatever the JVM's zone. */
    @Autowired
    java.time.Clock clock;

    @Autowired
    MockMvc mvc;
    @Autowired
    SqlStatementCounter counter;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    ClientService clients;
    @Autowired
    OpportunityService opportunities;
    @Autowired
    SurveyService surveys;

    WebTestSupport support;
    User sales;
    Contact lastAnne;
    String lastPage;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        sales = support.newUser(Role.SALES);
    }

    @Test
    void the360PageTimelineAndSearchCostTheSameNumberOfStatementsAt10And10000Interactions() throws Exception {
        String tag = TestData.unique("qc").replace("-", "");
        Company small = clientWithHistory("Petit " + tag, 10);
        Company medium = clientWithHistory("Moyen " + tag, 60);
        Company large = clientWithHistory("Grand " + tag, 10_000);

        long smallPage = statements("/clients/" + small.id());
        long largePage = statements("/clients/" + large.id());
        long smallNext = statements(nextTimelinePage(medium));
        long largeNext = statements(nextTimelinePage(large));
        long search = statements("/clients?q=grand%20" + tag);
        // nothing starts with the bare tag: the first page is looked for anywhere too, one more statement
        long widened = statements("/clients?q=" + tag);

        System.out.printf("SQL statements: 360° page %d (10 interactions) / %d (10 000 interactions); "
                + "timeline next page %d (60) / %d (10 000); search %d (starts with), %d (widened)%n",
                smallPage, largePage, smallNext, largeNext, search, widened);
        assertThat(largePage).isEqualTo(smallPage);
        assertThat(largeNext).isEqualTo(smallNext);
        // company, its contacts, important dates, timeline with its count, deals card, feedback card (2), orders card
        assertThat(smallPage).as("360° page statements").isEqualTo(8);
        // the entries prove the client exists: the next page is the timeline's statement alone
        assertThat(largeNext).as("timeline page statements").isEqualTo(1);
        // the list, and the segments the user may filter it by (issue 14: one statement, by the user's id; an htmx
        // search as one types renders the results alone and skips it)
        assertThat(search).as("search statements").isEqualTo(2);
        assertThat(widened).as("widened search statements").isLessThanOrEqualTo(3);
    }

    @Test
    void the360PageShowsTheCardsEachFeatureGaveItsController() throws Exception {
        String tag = TestData.unique("qc").replace("-", "");
        Company company = clientWithHistory("Complet " + tag, 10);
        long before = statements("/clients/" + company.id());
        Contact anne = lastAnne;
        opportunities.open(company.id(), Stage.PROPOSAL,
                new OpportunityDetails("Renouvellement " + tag, new BigDecimal("12000"), "EUR", null,
                        LocalDate.now(clock).plusMonths(1), sales.id(), OpportunitySource.REFERRAL, Set.of(), Set.of()),
                new NextStepPlan("Rappeler la directrice", LocalDate.now(clock).plusDays(3)), sales.asActor());
        SentSurvey survey = surveys.send(SurveyKind.NPS, anne.id(), false, sales.asActor());

        long after = statements("/clients/" + company.id());
        String page = lastPage;

        assertThat(after).as("a deal and a survey cost no statement more").isEqualTo(before);
        assertThat(page).contains("Complet " + tag)                // the company
                .contains("id=\"opportunities\"").contains("Renouvellement " + tag).contains("Rappeler la directrice")
                .contains("id=\"feedback-surveys\"").contains(survey.link())   // the pending survey's link to copy
                .contains("id=\"send-survey\"")                     // the survey form, with its kinds
                .contains("value=\"NPS\"")
                .contains("id=\"people\"").contains("Anne").contains("Bruno")
                .containsPattern("Échange 1\\s*<");                // the newest timeline entry
    }

    @Test
    void aTimelinePageOfAnUnknownClientOrPersonIsNotFound() throws Exception {
        mvc.perform(get("/clients/987654321/timeline").header("HX-Request", "true").with(support.as(sales)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/contacts/987654321/timeline").header("HX-Request", "true").with(support.as(sales)))
                .andExpect(status().isNotFound());
    }

    private Company clientWithHistory(String name, int interactions) {
        Company company = clients.createCompany(TestData.company(name, sales.id()), sales.asActor());
        Contact a = clients.addContact(company.id(), TestData.person("Anne", "Martin", "anne@x.fr"));
        Contact b = clients.addContact(company.id(), TestData.person("Bruno", "Morel", "bruno@x.fr"));
        lastAnne = a;
        jdbc.sql("""
                        insert into interaction (company_id, channel, direction, occurred_at, author_id, author_department,
                                                 subject, summary, next_step, next_step_due, logged_at)
                        select :company, (array['PHONE','EMAIL','MEETING'])[1 + n % 3], 'OUTBOUND',
                               now() - make_interval(hours => n), :author, 'SALES', 'Échange ' || n, 'Résumé ' || n,
                               case when n % 5 = 0 then 'Rappeler' end,
                               case when n % 5 = 0 then current_date + 3 end, now()
                        from generate_series(1, :count) n
                        """)
                .param("company", company.id()).param("author", sales.id()).param("count", interactions)
                .update();
        jdbc.sql("""
                        insert into interaction_contact (interaction_id, contact_id, occurred_at)
                        select id, case when id % 2 = 0 then :a else :b end, occurred_at from interaction where company_id = :company
                        """)
                .param("a", a.id()).param("b", b.id()).param("company", company.id()).update();
        return company;
    }

    private String nextTimelinePage(Company company) throws Exception {
        String page = mvc.perform(get("/clients/" + company.id()).with(support.as(sales)))
                .andReturn().getResponse().getContentAsString();
        int at = page.indexOf("before=");
        assertThat(at).as("a first page full enough to have a next one").isPositive();
        String cursor = page.substring(at + "before=".length()).split("[&\"#]")[0];
        return "/clients/" + company.id() + "/timeline?before=" + cursor;
    }

    private long statements(String url) throws Exception {
        // the URL as given, not encoded again; the user is looked up before counting (a session holds it)
        var request = get(java.net.URI.create(url)).with(support.as(sales));
        if (url.contains("/timeline")) {
            request = request.header("HX-Request", "true");
        }
        counter.reset();
        lastPage = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return counter.count();
    }
}
