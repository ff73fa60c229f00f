package org.relationcrm.pipeline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.pipeline.OpportunityService;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;

/**
 * The manager's dashboard as it is read, in French and in English: months by their names, amounts with their
 * currency, decimals with the language's separator, every chart with a title, units and its data table, and each
 * bar drawing its own figure, on {@link PipelineTestData#dashboardFunnel one rep's small pipeline}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DashboardTests {

    private static final Pattern CANVAS = Pattern.compile("<canvas\\b[^>]*>");

    @Autowired MockMvc mvc;
    @Autowired UserService users;
    @Autowired UserDetailsService userDetails;
    @Autowired ClientService clients;
    @Autowired OpportunityService opportunities;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    WebTestSupport support;
    User manager;
    User rep;
    LocalDate nextMonth;

    @BeforeEach
    void pipeline() {
        support = new WebTestSupport(users, userDetails, clients);
        manager = support.newUser(Role.MANAGER);
        rep = support.newUser(Role.SALES);
        Company company = support.companyOwnedBy(rep);
        LocalDate today = LocalDate.now(clock);
        nextMonth = today.withDayOfMonth(1).plusMonths(1);
        PipelineTestData.dashboardFunnel(opportunities, jdbc, company.id(), rep, nextMonth);
    }

    @Test
    void chartsNameTheMonthsAndFormatTheirFiguresAsFrenchReadsThem() throws Exception {
        String page = dashboard(null);
        String forecast = canvas(page, "forecast-chart");
        assertThat(attribute(forecast, "data-labels")).isEqualTo(shortMonth(nextMonth, Locale.FRENCH) + "|"
                + shortMonth(nextMonth.plusMonths(1), Locale.FRENCH));
        assertThat(attribute(forecast, "data-labels")).doesNotContainPattern("\\d{4}-\\d{2}");
        assertThat(attribute(forecast, "data-values")).isEqualTo("20000|800");
        assertThat(attribute(forecast, "data-format")).isEqualTo("currency");
        assertThat(attribute(forecast, "data-currency")).isEqualTo("EUR");
        String forecastTable = table(page, "forecast-table");
        assertThat(forecastTable).contains("40\u202f000\u00a0€").contains("20\u202f000\u00a0€")
                .contains(nextMonth.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, Locale.FRENCH));

        String times = table(page, "stage-time-table");
        assertThat(cells(times)).containsSequence("Prospection", "2", "15")
                .containsSequence("Qualifiée", "2", "4,5")
                .containsSequence("Proposition", "1", "12,5")
                .containsSequence("Négociation", "0", "—");
        assertThat(page).doesNotContain(">4.5<").doesNotContain(">12.5<");
        assertThat(cells(table(page, "conversion-table"))).containsSequence("Prospection → Qualifiée", "2", "2", "100\u00a0%")
                .containsSequence("Qualifiée → Proposition", "2", "1", "50\u00a0%")
                .containsSequence("Négociation → Gagnée", "0", "0", "—");
    }

    @Test
    void theSamePageInEnglishUsesEnglishMonthsAmountsAndDecimals() throws Exception {
        String page = dashboard("en");
        assertThat(attribute(canvas(page, "forecast-chart"), "data-labels")).isEqualTo(
                shortMonth(nextMonth, Locale.ENGLISH) + "|" + shortMonth(nextMonth.plusMonths(1), Locale.ENGLISH));
        assertThat(table(page, "forecast-table")).contains("€40,000").contains("€20,000");
        assertThat(cells(table(page, "stage-time-table"))).containsSequence("Qualified", "2", "4.5");
        assertThat(cells(table(page, "conversion-table"))).containsSequence("Qualified → Proposal", "2", "1", "50%");
        assertThat(attribute(canvas(page, "stage-time-chart"), "data-x-title")).isEqualTo("Days");
    }

    @Test
    void eachBarDrawsItsOwnFigureNotOneValueRepeated() throws Exception {
        String page = dashboard(null);
        assertThat(attribute(canvas(page, "conversion-chart"), "data-values")).isEqualTo("1|0.5|1|0");
        assertThat(attribute(canvas(page, "conversion-chart"), "data-format")).isEqualTo("percent");
        assertThat(attribute(canvas(page, "stage-time-chart"), "data-values")).isEqualTo("15|4.5|12.5|0");
        assertThat(attribute(canvas(page, "stage-time-chart"), "data-format")).isEqualTo("number");
        for (String id : List.of("forecast-chart", "conversion-chart", "stage-time-chart")) {
            String values = attribute(canvas(page, id), "data-values");
            assertThat(new HashSet<>(List.of(values.split("\\|")))).as("%s: %s", id, values).hasSizeGreaterThan(1);
        }
    }

    @Test
    void everyChartHasAVisibleTitleAxisTitlesWithUnitsAndADataTableAsItsTextAlternative() throws Exception {
        String page = dashboard(null);
        List<String> canvases = new ArrayList<>();
        CANVAS.matcher(page).results().forEach(m -> canvases.add(m.group()));
        assertThat(canvases).hasSize(3);
        for (String canvas : canvases) {
            String id = attribute(canvas, "id");
            assertThat(attribute(canvas, "role")).as(id).isEqualTo("img");
            String titleId = attribute(canvas, "aria-labelledby");
            String title = element(page, titleId);
            assertThat(title).as("title of " + id).matches("(?s)<h2\\b.*").doesNotContain("visually-hidden");
            assertThat(text(title)).as("title of " + id).isNotBlank();
            String table = table(page, attribute(canvas, "aria-describedby"));
            assertThat(attribute(table.substring(0, table.indexOf('>')), "aria-labelledby")).as("data table of " + id)
                    .isEqualTo(titleId);
            assertThat(attribute(canvas, "data-x-title")).as(id).isNotBlank();
            assertThat(attribute(canvas, "data-y-title")).as(id).isNotBlank();
        }
        assertThat(attribute(canvas(page, "forecast-chart"), "data-y-title")).isEqualTo("Montant (€)");
        assertThat(attribute(canvas(page, "conversion-chart"), "data-x-title")).isEqualTo("Taux de passage (%)");
        assertThat(attribute(canvas(page, "stage-time-chart"), "data-x-title")).isEqualTo("Jours");
        assertThat(text(element(page, "stage-time-title"))).isEqualTo("Temps moyen passé dans chaque étape");
    }

    private String dashboard(String language) throws Exception {
        var request = get("/pipeline/dashboard").param("from", "2026-01-01").param("to", "2026-03-31")
                .param("owner", String.valueOf(rep.id())).with(support.as(manager));
        if (language != null) {
            request.cookie(new Cookie("relation-lang", language));
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** "déc. 2026", "Dec 2026": the month's short name in the language, then the year. */
    private static String shortMonth(LocalDate month, Locale locale) {
        return month.getMonth().getDisplayName(TextStyle.SHORT, locale) + " " + month.getYear();
    }

    private static String canvas(String page, String id) {
        Matcher m = CANVAS.matcher(page);
        while (m.find()) {
            if (m.group().contains("id=\"" + id + "\"")) {
                return m.group();
            }
        }
        throw new AssertionError("no canvas " + id);
    }

    private static String attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(tag);
        assertThat(m.find()).as(name + " in " + tag).isTrue();
        return m.group(1).replace("&amp;", "&").replace("&#39;", "'");
    }

    /** The element with this id, from its opening tag to its closing one (no nesting of the same tag inside). */
    private static String element(String page, String id) {
        int at = page.indexOf(" id=\"" + id + "\"");
        assertThat(at).as("element #" + id).isPositive();
        int start = page.lastIndexOf('<', at);
        String tag = page.substring(start + 1).split("[\\s>]", 2)[0];
        int end = page.indexOf("</" + tag + ">", at);
        return page.substring(start, end + tag.length() + 3);
    }

    private static String table(String page, String id) {
        String table = element(page, id);
        assertThat(table).as("#" + id + " is a table").startsWith("<table");
        return table;
    }

    private static List<String> cells(String table) {
        List<String> cells = new ArrayList<>();
        Pattern.compile("(?s)<t[dh]\\b[^>]*>(.*?)</t[dh]>").matcher(table).results()
                .forEach(m -> cells.add(text(m.group(1))));
        return cells;
    }

    private static String text(String html) {
        return html.replaceAll("<[^>]+>", "").replace("&#39;", "'").replace("&amp;", "&").strip();
    }
}
