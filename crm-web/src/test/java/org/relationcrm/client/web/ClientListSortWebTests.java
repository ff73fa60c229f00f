package org.relationcrm.client.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.ClientSort;
import org.relationcrm.client.Company;
import org.relationcrm.client.CompanyDetails;
import org.relationcrm.client.CompanyStatus;
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.LogInteraction;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.ListSort;
import org.relationcrm.shared.SortCursor;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * The clients list over HTTP: each header sorts by its column and says the direction (aria-sort), the sort lives in
 * the URL with the filters, the next page keeps both, and a sort or cursor the list does not know is a bad request.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ClientListSortWebTests {

    private static final Pattern CLIENT_LINK = Pattern.compile("href=\"/clients/(\\d+)\"");

    @Autowired MockMvc mvc;
    @Autowired UserService users;
    @Autowired UserDetailsService userDetails;
    @Autowired ClientService clients;
    @Autowired InteractionService interactions;

    WebTestSupport support;
    User sales;
    String tag;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        sales = support.newUser(Role.SALES);
        tag = TestData.unique("hs").replace("-", "");
    }

    private Company company(String name, String city) {
        return clients.createCompany(new CompanyDetails(tag + " " + name, null, null, null, null, null, city,
                "France", null, null, CompanyStatus.CUSTOMER, sales.id(), null), sales.asActor());
    }

    @Test
    void aHeaderSortsByItsColumnKeepingTheSearchAndSaysWhichWay() throws Exception {
        Company brest = company("a", "Brest");
        Company lyon = company("b", "Lyon");
        Company nowhere = company("c", null);
        Company annecy = company("d", "Annecy");

        String byCityDown = page("/clients?q=" + tag + "&sort=CITY&dir=DESC");
        String byCityUp = page("/clients?q=" + tag + "&sort=CITY&dir=ASC");

        // no city last, whichever the direction
        assertThat(ids(byCityDown)).containsExactly(lyon.id(), brest.id(), annecy.id(), nowhere.id());
        assertThat(ids(byCityUp)).containsExactly(annecy.id(), brest.id(), lyon.id(), nowhere.id());
        assertThat(header(byCityDown, "CITY")).contains("aria-sort=\"descending\"")
                // a click turns it the other way and keeps the search
                .contains("href=\"/clients?q=" + tag + "&amp;match=STARTS_WITH&amp;sort=CITY&amp;dir=ASC\"");
        assertThat(header(byCityUp, "CITY")).contains("aria-sort=\"ascending\"");
        assertThat(header(byCityDown, "NAME")).doesNotContain("aria-sort")
                .contains("sort=NAME&amp;dir=ASC");
        // the last interaction sorts the latest first on its first click
        assertThat(header(byCityDown, "LAST_INTERACTION")).contains("sort=LAST_INTERACTION&amp;dir=DESC");
        // a filter changed in the form keeps the sort: the sort's inputs belong to the form
        assertThat(byCityDown).contains("<input type=\"hidden\" name=\"sort\" form=\"client-filters\" value=\"CITY\">")
                .contains("<input type=\"hidden\" name=\"dir\" form=\"client-filters\" value=\"DESC\">");
    }

    @Test
    void byLastInteractionTheLatestExchangeComesFirstAndNeverTalkedToLast() throws Exception {
        Company never = company("a", "Lyon");
        Company old = company("b", "Lyon");
        Company recent = company("c", "Lyon");
        call(old, 40);
        call(recent, 2);

        String latestFirst = page("/clients?q=" + tag + "&sort=LAST_INTERACTION&dir=DESC");
        String oldestFirst = page("/clients?q=" + tag + "&sort=LAST_INTERACTION&dir=ASC");

        assertThat(ids(latestFirst)).containsExactly(recent.id(), old.id(), never.id());
        assertThat(ids(oldestFirst)).containsExactly(old.id(), recent.id(), never.id());
        assertThat(header(latestFirst, "LAST_INTERACTION")).contains("aria-sort=\"descending\"");
        // on a phone the last exchange is read under the name (its column is hidden there)
        assertThat(latestFirst).contains("dernier échange : ").contains("aucun échange");
    }

    private void call(Company company, int daysAgo) {
        interactions.log(new LogInteraction(company.id(), Set.of(), Channel.PHONE, Direction.OUTBOUND,
                Instant.now().minus(daysAgo, ChronoUnit.DAYS), "Appel", null, null, null, null, null),
                sales.asActor());
    }

    @Test
    void anHtmxClickOnAHeaderGetsTheResultsSortedWithTheirHeaders() throws Exception {
        Company b = company("b", "Lyon");
        Company a = company("a", "Lyon");

        String fragment = mvc.perform(get("/clients?q=" + tag + "&sort=NAME&dir=DESC").header("HX-Request", "true")
                        .with(support.as(sales))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(fragment).startsWith("<div id=\"results\"").doesNotContain("<html");
        assertThat(ids(fragment)).containsExactly(b.id(), a.id());
        assertThat(header(fragment, "NAME")).contains("aria-sort=\"descending\"");
        // the headers' links swap the results with htmx: said once, by the table's head
        assertThat(fragment).contains("<thead hx-boost=\"true\" hx-target=\"#results\" hx-swap=\"outerHTML\">");
    }

    @Test
    void theNextPageKeepsTheSortAndTheFilters() throws Exception {
        User owner = support.newUser(Role.SALES);
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 27; i++) {
            created.add(clients.createCompany(new CompanyDetails(tag + " " + i, null, null, null, null, null,
                    "Ville " + (char) ('a' + i % 26), "France", null, null, CompanyStatus.PROSPECT, owner.id(), null),
                    owner.asActor()).id());
        }

        String first = page("/clients?owner=" + owner.id() + "&sort=CITY&dir=DESC");
        Matcher next = Pattern.compile("id=\"next-page\"\\s+href=\"([^\"]+)\"").matcher(first);
        assertThat(next.find()).isTrue();
        String nextUrl = HtmlUtils.htmlUnescape(next.group(1));
        assertThat(nextUrl).startsWith("/clients?owner=" + owner.id() + "&sort=CITY&dir=DESC&after=");
        String second = page(nextUrl);

        List<Long> all = new ArrayList<>(ids(first));
        all.addAll(ids(second));
        assertThat(all).hasSize(27).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        assertThat(ids(first).getFirst()).as("Ville z first").isEqualTo(created.get(25));
        assertThat(second).contains("href=\"/clients?owner=" + owner.id() + "&amp;sort=CITY&amp;dir=DESC\"");
    }

    @Test
    void anUnknownSortOrDirectionOrACursorOfAnotherSortIsABadRequest() throws Exception {
        company("a", "Lyon");
        String byCity = new SortCursor(new ListSort<>(ClientSort.CITY, false).code(), false, "lyon", "0", 1).encode();
        page("/clients?q=" + tag + "&sort=CITY&dir=ASC&after=" + byCity);

        for (String url : new String[]{"/clients?sort=PHONE", "/clients?sort=city", "/clients?dir=UP",
                "/clients?q=" + tag + "&sort=NAME&dir=ASC&after=" + byCity,
                "/clients?q=" + tag + "&sort=CITY&dir=DESC&after=" + byCity, "/clients?after=garbage"}) {
            mvc.perform(get(url).with(support.as(sales))).andExpect(status().isBadRequest());
        }
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(support.as(sales))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The companies of the table, in the order shown. */
    private static List<Long> ids(String html) {
        String table = html.substring(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
        List<Long> ids = new ArrayList<>();
        Matcher m = CLIENT_LINK.matcher(table);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    /** The header cell whose link sorts by this column. */
    static String header(String html, String column) {
        Matcher cells = Pattern.compile("<th\\b.*?</th>", Pattern.DOTALL).matcher(html);
        while (cells.find()) {
            if (cells.group().contains("sort=" + column + "&amp;")) {
                return cells.group();
            }
        }
        throw new AssertionError("no header sorts by " + column);
    }

}
