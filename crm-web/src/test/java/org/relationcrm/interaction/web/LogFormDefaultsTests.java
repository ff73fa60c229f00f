package org.relationcrm.interaction.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
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

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.Contact;
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.LogInteraction;
import org.relationcrm.shared.Channel;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * The log form starts filled in as a typical call needs it, so that from the 360° page it is "log", type what
 * was said, save: the only person (or the one the user came from) ticked, a neutral mood, the channel the user
 * chose last time (kept in the database, so on every device), now in the company's time zone.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LogFormDefaultsTests {

    private static final Pattern TICKED = Pattern.compile("<input\\b[^>]*name=\"contactIds\"[^>]*>");

    @Autowired MockMvc mvc;
    @Autowired UserService users;
    @Autowired UserDetailsService userDetails;
    @Autowired ClientService clients;
    @Autowired InteractionService interactions;
    @Autowired Clock clock;

    WebTestSupport support;
    User sales;
    Company company;
    Contact buyer;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        sales = support.newUser(Role.SALES);
        company = support.companyOwnedBy(sales);
        buyer = clients.addContact(company.id(), TestData.person("Hélène", "Roux", "helene@roux.fr"));
    }

    @Test
    void theOnlyPersonOfTheCompanyIsTicked() throws Exception {
        assertThat(ticked(form("/clients/" + company.id() + "/interactions/new", sales))).containsExactly(buyer.id());
    }

    @Test
    void amongSeveralPeopleOnlyThePersonTheUserCameFromIsTicked() throws Exception {
        Contact director = clients.addContact(company.id(), TestData.person("Marc", "Blanc", "marc@roux.fr"));
        String fromCompany = form("/clients/" + company.id() + "/interactions/new", sales);
        assertThat(ticked(fromCompany)).isEmpty();
        assertThat(fromCompany).contains("Hélène Roux").contains("Marc Blanc");

        mvc.perform(get("/contacts/" + director.id() + "/interactions/new").with(support.as(sales)))
                .andExpect(redirectedUrl("/clients/" + company.id() + "/interactions/new?contact=" + director.id()));
        String fromPerson = form("/clients/" + company.id() + "/interactions/new?contact=" + director.id(), sales);
        assertThat(ticked(fromPerson)).containsExactly(director.id());
    }

    @Test
    void theMoodStartsNeutral() throws Exception {
        String page = form("/clients/" + company.id() + "/interactions/new", sales);
        assertThat(checkedRadios(page, "sentiment")).containsExactly("NEUTRAL");
    }

    @Test
    void theChannelIsTheOneTheUserChoseLastTimeWhateverTheDeviceAndPhoneAtFirst() throws Exception {
        String newForm = "/clients/" + company.id() + "/interactions/new";
        assertThat(selected(form(newForm, sales), "channel")).isEqualTo("PHONE");

        mvc.perform(post("/clients/" + company.id() + "/interactions").with(csrf()).with(support.as(sales))
                        .param("channel", "EMAIL").param("direction", "OUTBOUND")
                        .param("occurredAt", LocalDateTime.now(clock).minusMinutes(5).withSecond(0).withNano(0).toString())
                        .param("contactIds", String.valueOf(buyer.id())).param("subject", "Devis envoyé"))
                .andExpect(status().is3xxRedirection());
        // another request without the first one's session: another browser, another device
        assertThat(selected(form(newForm, sales), "channel")).isEqualTo("EMAIL");

        // an interaction the user did not choose a channel for (a meeting report is logged as a meeting) changes nothing
        interactions.log(new LogInteraction(company.id(), Set.of(), Channel.MEETING, Direction.OUTBOUND,
                clock.instant().minusSeconds(60), "Compte rendu", null, null, null, null, null), sales.asActor());
        assertThat(selected(form(newForm, sales), "channel")).isEqualTo("EMAIL");

        // each user their own
        User colleague = support.newUser(Role.SUPPORT);
        assertThat(selected(form(newForm, colleague), "channel")).isEqualTo("PHONE");
    }

    @Test
    void theCallStartsNowInTheCompanysTimeZoneAndTheSubjectHasTheFocus() throws Exception {
        LocalDateTime before = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
        String page = form("/clients/" + company.id() + "/interactions/new", sales);
        LocalDateTime after = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
        LocalDateTime shown = LocalDateTime.parse(value(input(page, "occurredAt"), "value"));
        assertThat(shown).isBetween(before, after);
        assertThat(input(page, "subject")).contains("autofocus");
    }

    private String form(String url, User user) throws Exception {
        return mvc.perform(get(url).with(support.as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static List<Long> ticked(String page) {
        return TICKED.matcher(page).results().map(java.util.regex.MatchResult::group).filter(tag -> tag.contains("checked"))
                .map(tag -> Long.valueOf(value(tag, "value"))).toList();
    }

    private static List<String> checkedRadios(String page, String name) {
        return Pattern.compile("<input\\b[^>]*type=\"radio\"[^>]*name=\"" + name + "\"[^>]*>").matcher(page).results()
                .map(java.util.regex.MatchResult::group).filter(tag -> tag.contains("checked")).map(tag -> value(tag, "value")).toList();
    }

    private static String selected(String page, String name) {
        int select = page.indexOf("name=\"" + name + "\"");
        String options = page.substring(select, page.indexOf("</select>", select));
        Matcher m = Pattern.compile("<option value=\"([^\"]*)\" selected").matcher(options);
        assertThat(m.find()).as("an option of " + name + " is selected").isTrue();
        return m.group(1);
    }

    private static String input(String page, String name) {
        Matcher m = Pattern.compile("<input\\b[^>]*name=\"" + name + "\"[^>]*>").matcher(page);
        assertThat(m.find()).as("input " + name).isTrue();
        return m.group();
    }

    private static String value(String tag, String attribute) {
        Matcher m = Pattern.compile("\\s" + attribute + "=\"([^\"]*)\"").matcher(tag);
        assertThat(m.find()).as(attribute + " of " + tag).isTrue();
        return m.group(1);
    }
}
