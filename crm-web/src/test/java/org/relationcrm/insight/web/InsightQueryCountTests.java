package org.relationcrm.insight.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.segment.Segment;
import org.relationcrm.segment.SegmentCriteria;
import org.relationcrm.segment.SegmentRepository;
import org.relationcrm.testing.SqlStatementCounter;

/**
 * The KPI pages issue a fixed number of SQL statements, whether a rep's clients have a few exchanges and answers or
 * thousands: the dashboard adds up monthly rollups, the rows behind a figure are one bounded statement. Counted on
 * the DataSource, through the whole request.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SqlStatementCounter.Config.class)
class InsightQueryCountTests {

    @Autowired MockMvc mvc;
    @Autowired SqlStatementCounter counter;
    @Autowired JdbcClient jdbc;
    @Autowired UserService users;
    @Autowired UserDetailsService userDetails;
    @Autowired ClientService clients;
    @Autowired SegmentRepository segments;

    WebTestSupport support;
    User manager;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        manager = support.newUser(Role.MANAGER);
    }

    @Test
    void theDashboardTheRowsAndTheReviewCostTheSameNumberOfStatementsForAFewAndForThousandsOfFacts() throws Exception {
        User few = repWithHistory(2, 10);
        User many = repWithHistory(40, 4_000);

        long fewTeam = statements(get("/insight").param("owner", String.valueOf(few.id())), manager);
        long manyTeam = statements(get("/insight").param("owner", String.valueOf(many.id())), manager);
        long fewMine = statements(get("/my-insight"), few);
        long manyMine = statements(get("/my-insight"), many);
        long fewRows = statements(get("/insight/rows/DETRACTORS").param("owner", String.valueOf(few.id())), manager);
        long manyRows = statements(get("/insight/rows/DETRACTORS").param("owner", String.valueOf(many.id())), manager);
        long review = statements(get("/insight/review"), manager);
        long wholeTeam = statements(get("/insight"), manager);
        // a segment's figures come from its companies' own rows: still a fixed number of statements
        long fewSegment = statements(get("/insight").param("segment", String.valueOf(segmentOf(few))), manager);
        long manySegment = statements(get("/insight").param("segment", String.valueOf(segmentOf(many))), manager);
        long manySegmentRows = statements(get("/insight/rows/DETRACTORS")
                .param("segment", String.valueOf(segmentOf(many))), manager);

        System.out.printf("SQL statements: dashboard %d / %d, mine %d / %d, rows %d / %d, review %d%n", fewTeam,
                manyTeam, fewMine, manyMine, fewRows, manyRows, review);
        assertThat(manyTeam).isEqualTo(fewTeam);
        assertThat(manyMine).isEqualTo(fewMine);
        assertThat(manyRows).isEqualTo(fewRows);
        assertThat(manySegment).isEqualTo(fewSegment);
        // stock at the charts' start, the months' rollups, complaint months, complaint times, customers reached,
        // the review actions, the weekly-summary opt-in, the owners and the segments of the filter
        assertThat(fewTeam).as("dashboard statements").isEqualTo(9);
        assertThat(fewMine).as("a rep's own dashboard: no actions, no opt-in").isEqualTo(7);
        assertThat(fewRows).as("the rows behind a figure").isEqualTo(1);
        // the same statements, each reading the segment's companies and preceded by the read of the segment's
        // definition it is written from (a primary-key read, 5 of them)
        assertThat(fewSegment).as("a segment's dashboard").isEqualTo(14);
        assertThat(manySegmentRows).as("a segment's rows: the segments, its definition, the rows").isEqualTo(3);
        assertThat(review).as("the review: the dashboard's statements (acquisition included) and the owners")
                .isEqualTo(8);
        assertThat(wholeTeam).as("the whole team's dashboard: the acquisition per channel too").isEqualTo(10);
    }

    /** A shared segment holding the rep's clients. */
    private long segmentOf(User rep) {
        SegmentCriteria ownedBy = new SegmentCriteria(null, null, null, null, null, rep.id(), null, null, null, null,
                null, null, null, null, null, null, null, null, null);
        return segments.save(Segment.define("Clients de " + rep.username(), true, ownedBy, manager.asActor(),
                java.time.Instant.now())).id();
    }

    /** A rep whose customers had {@code exchanges} exchanges and as many NPS answers (some detractors) this month. */
    private User repWithHistory(int companies, int exchanges) {
        User rep = support.newUser(Role.SALES);
        jdbc.sql("""
                insert into company (name, status, owner_id, created_at)
                select 'Client ' || n, 'CUSTOMER', :rep, now() - interval '400 days' from generate_series(1, :n) n""")
                .param("rep", rep.id()).param("n", companies).update();
        jdbc.sql("""
                insert into interaction (company_id, channel, direction, occurred_at, author_id, author_department,
                                         subject, logged_at)
                select c.id, 'PHONE', 'OUTBOUND', date_trunc('month', now()) + make_interval(mins => n), :rep, 'SALES',
                       'Appel', now()
                from generate_series(1, :n) n
                join lateral (select id from company where owner_id = :rep order by id offset n % :companies limit 1) c on true""")
                .param("rep", rep.id()).param("n", exchanges).param("companies", companies).update();
        long contact = jdbc.sql("""
                insert into contact (company_id, civility, last_name, created_at)
                values ((select min(id) from company where owner_id = :rep), 'MR', 'Martin', now()) returning id""")
                .param("rep", rep.id()).query(Long.class).single();
        jdbc.sql("""
                insert into survey (kind, company_id, contact_id, trigger_kind, token, language, created_by, created_at,
                                    sent_at, answered_at, score)
                select 'NPS', (select min(id) from company where owner_id = :rep), :contact, 'MANUAL',
                       'qc-' || :rep || '-' || n, 'fr', :rep, now(), date_trunc('month', now()),
                       date_trunc('month', now()) + make_interval(mins => n), n % 11
                from generate_series(1, :n) n""")
                .param("rep", rep.id()).param("contact", contact).param("n", exchanges).update();
        return rep;
    }

    private long statements(MockHttpServletRequestBuilder request, User user) throws Exception {
        var signedIn = request.with(support.as(user));
        counter.reset();
        var response = mvc.perform(signedIn).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("</html>");
        return counter.count();
    }
}
