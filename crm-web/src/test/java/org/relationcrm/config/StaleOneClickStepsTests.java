package org.relationcrm.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.relationcrm.WebTestSupport;
import org.relationcrm.catalog.ProductLine;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.Contact;
import org.relationcrm.catalog.ProductLineAdmin;
import org.relationcrm.feedback.Survey;
import org.relationcrm.feedback.SurveyKind;
import org.relationcrm.feedback.SurveyService;
import org.relationcrm.feedback.SurveyTheme;
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.Interaction;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.LogInteraction;
import org.relationcrm.shared.Channel;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * One-click changes (a next step marked done, an answer filed under a theme, a product line saved, a person made
 * the primary contact) carry the version of the record the page showed: acted on a record that changed since, they
 * change nothing and say so. The pages send the version they showed, so a fresh page goes through.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StaleOneClickStepsTests {

    /** The app's clock (relation.time-zone): "today" is the app's day, whatever the JVM's zone. */
    @Autowired
    java.time.Clock clock;

    @Autowired MockMvc mvc;
    @Autowired UserService users;
    @Autowired UserDetailsService userDetails;
    @Autowired ClientService clients;
    @Autowired InteractionService interactions;
    @Autowired SurveyService surveys;
    @Autowired ProductLineAdmin productLines;

    WebTestSupport support;
    User sales;
    User colleague;
    User admin;
    Company company;
    Contact anne;
    Contact paul;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        sales = support.newUser(Role.SALES);
        colleague = support.newUser(Role.SALES);
        admin = support.newUser(Role.ADMIN);
        company = support.companyOwnedBy(sales);
        anne = clients.addContact(company.id(), TestData.person("Anne", "Roux", "anne@roux.example"));
        paul = clients.addContact(company.id(), TestData.person("Paul", "Roux", "paul@roux.example"));
    }

    @Test
    void aNextStepMarkedDoneFromTheTimelineIsDoneOnceAndASecondClickIsToldItChanged() throws Exception {
        Interaction call = interactions.log(new LogInteraction(company.id(), Set.of(), Channel.PHONE,
                Direction.OUTBOUND, Instant.now().minus(1, ChronoUnit.HOURS), "Appel", null, null, null,
                "Rappeler lundi", LocalDate.now(clock).plusDays(2)), sales.asActor());
        String page = page("/clients/" + company.id(), sales);
        String version = versionIn(page, "/interactions/" + call.id() + "/next-step/done");

        MockHttpServletResponse first = markDone(call, version, colleague, "fr");
        MockHttpServletResponse again = markDone(call, version, sales, "fr");
        MockHttpServletResponse inEnglish = markDone(call, version, sales, "en");

        assertThat(first.getStatus()).isEqualTo(302);
        assertThat(first.getRedirectedUrl()).isEqualTo("/clients/" + company.id());
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(again.getContentAsString()).contains("Cette prochaine étape a changé entre-temps");
        assertThat(inEnglish.getContentAsString()).contains("This next step changed meanwhile");
        assertThat(interactions.get(call.id()).nextStep().doneBy()).as("done once, by the first").isEqualTo(colleague.id());
    }

    @Test
    void anAnswerFiledMeanwhileKeepsItsThemeAndTheCardSaysWhy() throws Exception {
        var sent = surveys.send(SurveyKind.NPS, anne.id(), false, sales.asActor());
        surveys.answer(sent.survey().token(), 4, "Trop lent");
        String version = versionIn(page("/clients/" + company.id(), sales), "/surveys/" + sent.survey().id() + "/theme");

        assertThat(fileUnder(sent.survey(), version, SurveyTheme.DELIVERY, colleague).getResponse().getStatus())
                .isEqualTo(302);
        MvcResult stale = fileUnder(sent.survey(), version, SurveyTheme.PRICE, sales);

        assertThat(stale.getResponse().getRedirectedUrl()).startsWith("/clients/" + company.id());
        assertThat(surveys.get(sent.survey().id()).theme()).isEqualTo(SurveyTheme.DELIVERY);
        assertThat(stale.getFlashMap().get("feedbackError")).as("the card says why").isEqualTo("survey.theme.conflict");
    }

    @Test
    void aProductLineSavedMeanwhileIsNotOverwritten() throws Exception {
        ProductLine line = productLines.create(TestData.unique("L").replace("-", "_"), "Maintenance", null,
                admin.asActor());
        String version = versionIn(page("/admin/product-lines", admin), "/admin/product-lines/" + line.id());

        assertThat(saveLine(line, version, "Maintenance premium").getFlashMap().get("flash"))
                .isEqualTo("flash.productLine.saved");
        MvcResult stale = saveLine(line, version, "Maintenance de base");

        assertThat(stale.getFlashMap().get("feedbackError")).isEqualTo("productLine.error.conflict");
        assertThat(productLines.all()).filteredOn(l -> l.id().equals(line.id())).extracting(ProductLine::name)
                .containsExactly("Maintenance premium");
    }

    @Test
    void aPersonChangedMeanwhileIsNotMadePrimaryBehindTheUsersBack() throws Exception {
        String version = versionIn(page("/clients/" + company.id(), sales), "/contacts/" + paul.id() + "/primary");
        clients.reviseContact(paul.id(), paul.version(), TestData.person("Paul", "Roux", "p.roux@roux.example"));

        MockHttpServletResponse stale = makePrimary(paul, version);
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentAsString()).contains("elle n&#39;a pas été définie comme contact principal");
        assertThat(clients.contact(paul.id()).isPrimaryContact()).isFalse();

        String fresh = versionIn(page("/clients/" + company.id(), sales), "/contacts/" + paul.id() + "/primary");
        assertThat(makePrimary(paul, fresh).getStatus()).isEqualTo(302);
        assertThat(clients.contact(paul.id()).isPrimaryContact()).isTrue();
        assertThat(clients.contact(anne.id()).isPrimaryContact()).isFalse();
    }

    private String page(String url, User user) throws Exception {
        return mvc.perform(get(url).with(support.as(user))).andReturn().getResponse().getContentAsString();
    }

    /**
     * The version the page sends when posting to {@code action}: a form's field, or the value of a button that
     * posts one of the page's forms there ({@code formaction}, as the timeline's entries do).
     */
    private static String versionIn(String page, String action) {
        Matcher button = Pattern.compile("<button[^>]*formaction=\"" + Pattern.quote(action) + "\"[^>]*>",
                Pattern.DOTALL).matcher(page);
        if (button.find()) {
            Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(button.group());
            assertThat(version.find()).as("the version of the button posting to " + action).isTrue();
            return version.group(1);
        }
        Matcher form = Pattern.compile("<form[^>]*action=\"" + Pattern.quote(action) + "\"[^>]*>(.*?)</form>",
                Pattern.DOTALL).matcher(page);
        assertThat(form.find()).as("a form posting to " + action).isTrue();
        Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(form.group(1));
        assertThat(version.find()).as("the version in the form posting to " + action).isTrue();
        return version.group(1);
    }

    private MockHttpServletResponse markDone(Interaction call, String version, User user, String lang)
            throws Exception {
        return mvc.perform(post("/interactions/" + call.id() + "/next-step/done").with(csrf()).with(support.as(user))
                        .cookie(new Cookie("relation-lang", lang))
                        .param("version", version).param("back", "/clients/" + company.id()))
                .andReturn().getResponse();
    }

    private MvcResult fileUnder(Survey survey, String version, SurveyTheme theme, User user) throws Exception {
        return mvc.perform(post("/surveys/" + survey.id() + "/theme").with(csrf()).with(support.as(user))
                .param("version", version).param("theme", theme.name())).andReturn();
    }

    private MvcResult saveLine(ProductLine line, String version, String name) throws Exception {
        return mvc.perform(post("/admin/product-lines/" + line.id()).with(csrf()).with(support.as(admin))
                .param("version", version).param("name", name).param("active", "true")).andReturn();
    }

    private MockHttpServletResponse makePrimary(Contact person, String version) throws Exception {
        return mvc.perform(post("/contacts/" + person.id() + "/primary").with(csrf()).with(support.as(sales))
                .param("version", version)).andReturn().getResponse();
    }
}
