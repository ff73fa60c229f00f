package org.relationcrm.feedback.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.CompanyDetails;
import org.relationcrm.client.CompanyStatus;
import org.relationcrm.feedback.FeedbackReadService;
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.LogInteraction;
import org.relationcrm.shared.Channel;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * The at-risk and silent-clients lists over HTTP: headers sort (aria-sort says which way), the sort stays in the
 * URL with the scope and the next page, the facts read the same on both lists, and each row offers what one can do
 * about the client (call, plan a visit, reassign), as far as the user may.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FeedbackListsWebTests {

    private static final AtomicLong DEALS = new AtomicLong(Math.abs(System.nanoTime() % 1_000_000_000L) + 3_000_000_000L);
    private static final Pattern ROW = Pattern.compile("<tr [^>]*class=\"(?:silent|risk)-row\" data-company=\"(\\d+)\"");

    @Autowired MockMvc mvc;
    @Autowired java.time.Clock clock;
    @Autowired UserService users;
    @Autowired UserDetailsService userDetails;
    @Autowired ClientService clients;
    @Autowired InteractionService interactions;
    @Autowired FeedbackReadService reads;
    @Autowired JdbcClient jdbc;

    WebTestSupport support;
    User sales;
    String tag;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        sales = support.newUser(Role.SALES);
        tag = TestData.unique("Lst");
    }

    /** A customer of {@code owner} created that many days ago, last talked to that many days ago (null: never). */
    private long customer(User owner, String name, int createdDaysAgo, Integer talkedDaysAgo) {
        long id = clients.createCompany(new CompanyDetails(name, null, null, null, null, null, "Lyon", "France", null,
                null, CompanyStatus.CUSTOMER, owner.id(), null), owner.asActor()).id();
        jdbc.sql("update company set created_at = now() - make_interval(days => :d) where id = :id")
                .param("d", createdDaysAgo).param("id", id).update();
        if (talkedDaysAgo != null) {
            interactions.log(new LogInteraction(id, Set.of(), Channel.PHONE, Direction.OUTBOUND,
                    TestData.calendarDaysAgo(clock, talkedDaysAgo), "Appel", null, null, null, null, null),
                    owner.asActor());
        }
        return id;
    }


    private void signed(long companyId, int daysAgo) {
        jdbc.sql("""
                insert into won_deal (opportunity_id, company_id, owner_id, amount, won_on)
                values (:o, :c, :u, 20000, current_date - :d)""")
                .param("o", DEALS.incrementAndGet()).param("c", companyId).param("u", sales.id()).param("d", daysAgo)
                .update();
    }

    @Test
    void theSilentListSortsByItsHeadersAndEachRowSaysSinceWhenAndOffersItsActions() throws Exception {
        long talked = customer(sales, tag + " b", 900, 524);
        long never = customer(sales, tag + " a", 200, null);
        long signedLastWeek = customer(sales, tag + " c", 900, 524);
        signed(signedLastWeek, 7);
        long signedLongAgo = customer(sales, tag + " d", 900, 524);
        signed(signedLongAgo, 100);
        reads.refreshRisk();

        String byDefault = page("/silent-clients?scope=mine", sales);
        String byClient = page("/silent-clients?scope=mine&sort=CLIENT&dir=ASC", sales);

        // the longest silence first; signed a week ago is not silent
        assertThat(rows(byDefault)).containsExactly(talked, never, signedLongAgo);
        assertThat(rows(byClient)).containsExactly(never, talked, signedLongAgo);
        assertThat(ClientListHeader.of(byDefault, "SILENCE")).contains("aria-sort=\"descending\"")
                .contains("href=\"/silent-clients?scope=mine&amp;sort=SILENCE&amp;dir=ASC\"");
        assertThat(ClientListHeader.of(byClient, "CLIENT")).contains("aria-sort=\"ascending\"");
        assertThat(ClientListHeader.of(byClient, "SILENCE")).doesNotContain("aria-sort");
        // what the silence runs from, agreeing with the columns
        assertThat(row(byDefault, talked)).contains("524 jours").contains("depuis l&#39;échange du");
        assertThat(row(byDefault, never)).contains("200 jours").contains("jamais contacté");
        assertThat(row(byDefault, signedLongAgo)).contains("100 jours").contains("depuis la signature du");
        // and what to do about it: the owner calls, plans a visit, reassigns
        assertThat(row(byDefault, never))
                .contains("href=\"/clients/" + never + "/interactions/new?channel=PHONE\"")
                .contains("href=\"/clients/" + never + "/meetings/new\"")
                .contains("href=\"/clients/" + never + "/edit#ownerId\"")
                .contains("aria-label=\"Appeler " + tag + " a\"");
        // the scope switch keeps the sort
        assertThat(byClient).contains("href=\"/silent-clients?scope=all&amp;sort=CLIENT&amp;dir=ASC\"");
    }

    @Test
    void theNextPageOfASortedListKeepsTheScopeAndTheSort() throws Exception {
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 27; i++) {
            created.add(customer(sales, tag + " " + (char) ('a' + i % 26) + i, 400, 100 + i));
        }
        reads.refreshRisk();

        String first = page("/silent-clients?scope=mine&sort=CLIENT&dir=DESC", sales);
        Matcher more = Pattern.compile("<tr[^>]*id=\"silent-more\">.*?href=\"([^\"]+)\"", Pattern.DOTALL).matcher(first);
        assertThat(more.find()).isTrue();
        String next = HtmlUtils.htmlUnescape(more.group(1));
        assertThat(next).startsWith("/silent-clients?scope=mine&sort=CLIENT&dir=DESC&after=");
        String second = mvc.perform(get(next).header("HX-Request", "true").with(support.as(sales)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        List<Long> shown = new ArrayList<>(rows(first));
        shown.addAll(rows(second));
        assertThat(shown).hasSize(27).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        assertThat(shown.getFirst()).as("z25 first").isEqualTo(created.get(25));
    }

    @Test
    void theAtRiskListSortsByScoreBothWaysAndSaysNothingSignedInsteadOfADropOf100Percent() throws Exception {
        long quiet = customer(sales, tag + " silencieux", 900, 200);
        signed(quiet, 400);
        long recent = customer(sales, tag + " actif", 900, 2);

        reads.refreshRisk();
        String riskiestFirst = page("/risk?scope=mine", sales);
        String leastFirst = page("/risk?scope=mine&sort=SCORE&dir=ASC", sales);

        assertThat(rows(riskiestFirst)).containsExactly(quiet, recent);
        assertThat(rows(leastFirst)).containsExactly(recent, quiet);
        assertThat(ClientListHeader.of(riskiestFirst, "SCORE")).contains("aria-sort=\"descending\"");
        assertThat(ClientListHeader.of(leastFirst, "SCORE")).contains("aria-sort=\"ascending\"")
                .contains("href=\"/risk?scope=mine&amp;sort=SCORE&amp;dir=DESC\"");
        assertThat(row(riskiestFirst, quiet)).contains("rien de signé depuis 13 mois")
                .contains("ni échange ni signature depuis 200 jours").contains("aucune gamme enregistrée chez ce client")
                .doesNotContain("100 %").doesNotContain("détenue");
        assertThat(row(riskiestFirst, quiet)).contains("href=\"/clients/" + quiet + "/interactions/new?channel=PHONE\"");
    }

    @Test
    void aSupportAgentCallsAndOnlyWhoMayEditTheCompanyReassignsIt() throws Exception {
        User agent = support.newUser(Role.SUPPORT);
        User otherRep = support.newUser(Role.SALES);
        User manager = support.newUser(Role.MANAGER);
        // first by name among everyone's silent clients
        long client = customer(sales, "!" + tag, 200, null);
        reads.refreshRisk();
        String url = "/silent-clients?scope=all&sort=CLIENT&dir=ASC";

        String asAgent = row(page(url, agent), client);
        String asOtherRep = row(page(url, otherRep), client);
        String asManager = row(page(url, manager), client);

        assertThat(asAgent).contains("/interactions/new?channel=PHONE").doesNotContain("/meetings/new")
                .doesNotContain("/edit#ownerId");
        assertThat(asOtherRep).contains("/interactions/new?channel=PHONE").contains("/meetings/new")
                .doesNotContain("/edit#ownerId");
        assertThat(asManager).contains("href=\"/clients/" + client + "/edit#ownerId\"");
    }

    @Test
    void theCallOfAListOpensTheLogFormOnThePhoneAndAVisitOnAnotherChannel() throws Exception {
        long client = customer(sales, tag, 10, null);

        String call = page("/clients/" + client + "/interactions/new?channel=PHONE", sales);
        String visit = page("/clients/" + client + "/interactions/new?channel=VISIT", sales);

        assertThat(selectedChannel(call)).isEqualTo("PHONE");
        assertThat(selectedChannel(visit)).isEqualTo("VISIT");
        mvc.perform(get("/clients/" + client + "/interactions/new?channel=PIGEON").with(support.as(sales)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void anUnknownSortOrAForeignCursorIsABadRequest() throws Exception {
        for (String url : new String[]{"/risk?sort=NAME", "/risk?dir=SIDEWAYS", "/silent-clients?sort=SCORE",
                "/risk?sort=SCORE&after=abc", "/silent-clients?sort=LAST_SIGNATURE&dir=DESC&after="
                        + new org.relationcrm.shared.SortCursor("LAST_SIGNATURE-DESC", false, "yesterday", "0", 1).encode()}) {
            mvc.perform(get(url).with(support.as(sales))).andExpect(status().isBadRequest());
        }
    }

    private static String selectedChannel(String html) {
        Matcher m = Pattern.compile("<option value=\"([A-Z]+)\" selected=\"selected\"").matcher(
                html.substring(html.indexOf("name=\"channel\"")));
        return m.find() ? m.group(1) : null;
    }

    private String page(String url, User user) throws Exception {
        return mvc.perform(get(url).with(support.as(user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The companies of the list, in the order shown. */
    private static List<Long> rows(String html) {
        List<Long> ids = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    private static String row(String html, long companyId) {
        int start = html.indexOf("data-company=\"" + companyId + "\"");
        assertThat(start).as("row of company %d", companyId).isPositive();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    /** The header cells of a list. */
    static final class ClientListHeader {
        static String of(String html, String column) {
            Matcher cells = Pattern.compile("<th\\b.*?</th>", Pattern.DOTALL).matcher(html);
            while (cells.find()) {
                if (cells.group().contains("sort=" + column + "&amp;")) {
                    return cells.group();
                }
            }
            throw new AssertionError("no header sorts by " + column);
        }
    }
}
