package org.relationcrm.pipeline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

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
import org.relationcrm.client.Company;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.SqlStatementCounter;

/**
 * The board, a column's next page and a drop issue a fixed number of SQL statements, whether a rep has 12 deals or
 * 3 000 (open, won and lost this month). Counted on the DataSource, through the whole request.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SqlStatementCounter.Config.class)
class BoardQueryCountTests {

    @Autowired MockMvc mvc;
    @Autowired SqlStatementCounter counter;
    @Autowired JdbcClient jdbc;
    @Autowired UserService users;
    @Autowired UserDetailsService userDetails;
    @Autowired ClientService clients;

    WebTestSupport support;
    String lastPage;
    Cookie[] lastCookies;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
    }

    @Test
    void theBoardItsNextPagesAndADropCostTheSameNumberOfStatementsAt12And3000Deals() throws Exception {
        User few = repWithDeals(12);
        User many = repWithDeals(3_000);

        long fewBoard = statements(get("/pipeline"), few);
        String fewPage = lastPage;
        Cookie[] fewCookies = lastCookies;
        long manyBoard = statements(get("/pipeline"), many);
        String manyPage = lastPage;
        Cookie[] manyCookies = lastCookies;
        long manyNext = statements(get(nextPage(manyPage)).header("HX-Request", "true"), many);
        long manyNextClosed = statements(get(nextPage(between(manyPage, "id=\"column-WON\"", "</details>")))
                .header("HX-Request", "true"), many);
        long fewDrop = statements(drop(fewPage, fewCookies, "QUALIFIED", "PROPOSAL"), few);
        long manyDrop = statements(drop(manyPage, manyCookies, "QUALIFIED", "PROPOSAL"), many);

        System.out.printf("SQL statements: board %d (12 deals) / %d (3 000 deals); next page %d (open) / %d (won); "
                + "drop %d / %d%n", fewBoard, manyBoard, manyNext, manyNextClosed, fewDrop, manyDrop);
        assertThat(manyBoard).isEqualTo(fewBoard);
        assertThat(manyDrop).isEqualTo(fewDrop);
        // + 1: the actor named for the change history before the transaction's first write (audit's ActorOnFirstWrite)
        assertThat(fewDrop).as("a drop: the deal read and written, its timeline event, the card and the totals")
                .isEqualTo(13 + 1);
        // the six columns with their totals and first cards in one statement, and the owners of the filter
        assertThat(fewBoard).as("board statements").isEqualTo(2);
        assertThat(manyNext).as("a column's next page").isEqualTo(1);
        assertThat(manyNextClosed).as("a closed column's next page").isEqualTo(1);
        assertThat(manyPage).contains("500 opportunités");
    }

    /** A rep with {@code count} deals, a sixth in each stage; the won and lost ones closed this month. */
    private User repWithDeals(int count) {
        User rep = support.newUser(Role.SALES);
        Company company = support.companyOwnedBy(rep);
        jdbc.sql("""
                        insert into opportunity (company_id, title, amount, currency, stage, probability, expected_close_on,
                                                 owner_id, next_step, next_step_due, lost_reason, lost_comment,
                                                 created_at, stage_entered_at, last_activity_at, closed_at)
                        select :company, 'Affaire ' || n, 1000 + n, 'EUR',
                               (array['PROSPECTING','QUALIFIED','PROPOSAL','NEGOTIATION','WON','LOST'])[1 + n % 6], 20,
                               current_date + n % 90, :owner,
                               case when n % 6 < 4 then 'Rappeler' end, case when n % 6 < 4 then current_date + 3 end,
                               case when n % 6 = 5 then 'PRICE' end, case when n % 6 = 5 then 'Trop cher' end,
                               now(), now(), now(),
                               case when n % 6 >= 4 then date_trunc('month', now()) + make_interval(secs => n) end
                        from generate_series(1, :count) n
                        """)
                .param("company", company.id()).param("owner", rep.id()).param("count", count).update();
        return rep;
    }

    /**
     * The drop the board's script sends: the CSRF token of the page and its cookie, as a browser would (the
     * {@code csrf()} post-processor would swap the application's token repository for a session-based one in this
     * shared context, and every later request would write a session).
     */
    private MockHttpServletRequestBuilder drop(String board, Cookie[] cookies, String from, String to) {
        String column = between(board, "id=\"column-" + from + "\"", "</article>");
        Matcher card = Pattern.compile("data-id=\"(\\d+)\" data-version=\"(\\d+)\"").matcher(column);
        assertThat(card.find()).isTrue();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(board);
        assertThat(token.find()).as("the board's CSRF token").isTrue();
        return post("/opportunities/" + card.group(1) + "/move").cookie(cookies).param("_csrf", token.group(1))
                .param("stage", to).param("version", card.group(2));
    }

    private long statements(MockHttpServletRequestBuilder request, User user) throws Exception {
        // the user is looked up before counting (a session holds it)
        var signedIn = request.with(support.as(user));
        counter.reset();
        var response = mvc.perform(signedIn).andExpect(status().isOk()).andReturn().getResponse();
        lastPage = response.getContentAsString(StandardCharsets.UTF_8);
        lastCookies = response.getCookies();
        return counter.count();
    }

    private static String nextPage(String html) {
        Matcher m = Pattern.compile("class=\"board-more\"[^>]*href=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a link to the next cards").isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        return text.substring(start, text.indexOf(to, start));
    }
}
