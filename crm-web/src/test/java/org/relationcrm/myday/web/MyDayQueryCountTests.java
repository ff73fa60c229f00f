package org.relationcrm.myday.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.relationcrm.pipeline.web.PipelineTestData;
import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.feedback.ComplaintCategory;
import org.relationcrm.feedback.ComplaintService;
import org.relationcrm.feedback.NewComplaint;
import org.relationcrm.feedback.Severity;
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.Interaction;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.LogInteraction;
import org.relationcrm.pipeline.Opportunity;
import org.relationcrm.pipeline.OpportunityService;
import org.relationcrm.pipeline.Stage;
import org.relationcrm.shared.Channel;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.SqlStatementCounter;

/**
 * "My day" issues a fixed number of SQL statements for each role, whether the user has 2 items or 80 (one per
 * list the role shows), and an action on a selection reads it in one statement whatever its size: what grows
 * is one UPDATE per item changed. Counted on the DataSource, through the whole request.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SqlStatementCounter.Config.class)
class MyDayQueryCountTests {

    /** The app's clock (relation.time-zone): "today" is the app's day, whatever the JVM's zone. */
    @Autowired
    java.time.Clock clock;

    @Autowired MockMvc mvc;
    @Autowired SqlStatementCounter counter;
    @Autowired UserService users;
    @Autowired UserDetailsService userDetails;
    @Autowired ClientService clients;
    @Autowired InteractionService interactions;
    @Autowired OpportunityService opportunities;
    @Autowired ComplaintService complaints;

    WebTestSupport support;
    Company company;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        company = support.companyOwnedBy(support.newUser(Role.SALES));
    }

    @Test
    void eachRolesDayCostsTheSameStatementsWithFewOrManyItems() throws Exception {
        // one statement per list the role shows: its items due, then the role's own lists, then whom to hand on to
        Map<Role, Long> expected = Map.of(
                // everyone but the administrator: the requests to answer and those waiting on them (one statement)
                Role.SALES, 6L,     // items, requests, meetings, deals gone quiet, deals without a next step, teammates
                Role.SUPPORT, 4L,   // items, requests, their complaints, teammates
                Role.ADV, 5L,       // items, requests, the order desk's orders (one statement), deals signed lately, teammates
                Role.MANAGER, 9L,   // + their complaints, escalated ones, the team's late work
                Role.ADMIN, 1L);    // items (none)
        for (Role role : Role.values()) {
            User few = support.newUser(role);
            User many = support.newUser(role);
            load(few, 2);
            load(many, 80);

            long small = statements(get("/"), few);
            long large = statements(get("/"), many);

            System.out.printf("My day of %s: %d statements (2 items), %d (80 items)%n", role, small, large);
            assertThat(large).as(role + ": as many statements with 80 items as with 2").isEqualTo(small);
            assertThat(small).as(role + " statements").isEqualTo(expected.get(role));
        }
    }

    @Test
    void anActionReadsItsSelectionInOneStatementAndWritesOneRowPerItem() throws Exception {
        User few = support.newUser(Role.SALES);
        User many = support.newUser(Role.SALES);
        List<String> small = load(few, 3);
        List<String> large = load(many, 43);

        long smallDone = statements(withToken(post("/my-day/done"), few).header("HX-Request", "true")
                .param("item", small.toArray(String[]::new)), few);
        long largeDone = statements(withToken(post("/my-day/done"), many).header("HX-Request", "true")
                .param("item", large.toArray(String[]::new)), many);

        System.out.printf("Marking done: %d statements (3 items), %d (43 items)%n", smallDone, largeDone);
        assertThat(largeDone - smallDone).as("one UPDATE per further item, no read per item").isEqualTo(40);
        // the selection read once, one UPDATE per item, then the list as My day reads it (6 statements)
        assertThat(smallDone).isEqualTo(1 + 3 + 6);
    }

    /** {@code count} follow-ups late (from 1 to {@code count} days), the user's keys; a deal, a complaint, a win. */
    private List<String> load(User user, int count) {
        List<String> keys = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        // an administrator follows up nothing: their day stays empty
        for (int i = 1; i <= (user.role() == Role.ADMIN ? 0 : count); i++) {
            LocalDate due = today.minusDays(i);
            Instant occurred = due.atStartOfDay(java.time.ZoneId.of("Europe/Paris")).toInstant().minus(2, ChronoUnit.HOURS);
            Interaction late = interactions.log(new LogInteraction(company.id(), Set.of(), Channel.EMAIL,
                    Direction.INBOUND, occurred, "Mail " + i, null, null, null, "Répondre " + i, due), user.asActor());
            keys.add("I" + late.id() + "." + late.version());
        }
        if (user.role() == Role.SALES || user.role() == Role.MANAGER) {
            for (int i = 0; i < count / 10 + 1; i++) {
                Opportunity deal = PipelineTestData.deal(opportunities, company.id(), user, "1000");
                if (i % 2 == 0) {
                    opportunities.moveTo(deal.id(), deal.version(), Stage.WON, null, null, null, user.asActor());
                }
            }
        }
        if (user.role() == Role.SUPPORT || user.role() == Role.MANAGER) {
            for (int i = 0; i < count / 10 + 1; i++) {
                complaints.open(new NewComplaint(company.id(), null, Channel.PHONE, ComplaintCategory.BILLING,
                        Severity.MEDIUM, "Facture " + i, "Facture " + i), user.id(), user.asActor());
            }
        }
        return keys;
    }

    /**
     * The CSRF token as a browser has it (the cookie, and the form's field from the page). Spring Security's test
     * {@code csrf()} would swap the application's cookie repository for a session one in this shared context, and
     * every later request of every test class using it would then write a session (two statements more).
     */
    private MockHttpServletRequestBuilder withToken(MockHttpServletRequestBuilder request, User user) throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/").with(support.as(user))).andReturn().getResponse();
        Matcher field = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.getContentAsString());
        assertThat(field.find()).as("My day's forms carry the CSRF token").isTrue();
        return request.cookie(page.getCookies()).param("_csrf", field.group(1));
    }

    private long statements(MockHttpServletRequestBuilder request, User user) throws Exception {
        request.with(support.as(user));
        counter.reset();
        mvc.perform(request).andExpect(status().isOk());
        return counter.count();
    }
}
