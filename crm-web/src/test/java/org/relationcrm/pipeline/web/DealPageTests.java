package org.relationcrm.pipeline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

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
import org.relationcrm.pipeline.ConcessionType;
import org.relationcrm.pipeline.Counterpart;
import org.relationcrm.pipeline.LostReason;
import org.relationcrm.pipeline.NextStepPlan;
import org.relationcrm.pipeline.Opportunity;
import org.relationcrm.pipeline.OpportunityService;
import org.relationcrm.pipeline.Stage;
import org.relationcrm.pipeline.ValueKind;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;

/** The deal's page: where it stands (progress bar), its stage form pre-filled, and a win that says why it waits. */
@SpringBootTest
@AutoConfigureMockMvc
class DealPageTests {

    @Autowired MockMvc mvc;
    @Autowired UserService users;
    @Autowired UserDetailsService userDetails;
    @Autowired ClientService clients;
    @Autowired OpportunityService opportunities;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    WebTestSupport support;
    User sales;
    Company company;
    Opportunity deal;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        sales = support.newUser(Role.SALES);
        company = support.companyOwnedBy(sales);
        deal = PipelineTestData.deal(opportunities, company.id(), sales, "20000");   // next step in 3 days
    }

    @Test
    void theStageFormComesWithTheDealsNextStepSoMovingOnNeedsNoRetyping() throws Exception {
        String form = page("/opportunities/" + deal.id() + "/stage?to=QUALIFIED");
        assertThat(form).contains("value=\"Appeler l&#39;acheteuse\"")
                .contains("value=\"" + deal.nextStepDue() + "\"");
        // overdue: the action is kept, the date moves a week ahead for the user to confirm
        jdbc.sql("update opportunity set next_step_due = current_date - 2 where id = :id").param("id", deal.id()).update();
        assertThat(page("/opportunities/" + deal.id() + "/stage?to=QUALIFIED"))
                .contains("value=\"Appeler l&#39;acheteuse\"").contains("value=\"" + today().plusDays(7) + "\"");
    }

    @Test
    void wonIsDisabledWithTheReasonWhileADiscountAwaitsApproval() throws Exception {
        assertThat(page("/opportunities/" + deal.id())).contains("<a class=\"btn btn-success\" id=\"mark-won\"")
                .doesNotContain("id=\"won-blocked\"");
        opportunities.grantConcession(deal.id(), deal.version(), ConcessionType.DISCOUNT, ValueKind.PERCENT,
                new BigDecimal("15"), Counterpart.NONE, null, sales.asActor());

        String page = page("/opportunities/" + deal.id());
        assertThat(page).doesNotContain("<a class=\"btn btn-success\" id=\"mark-won\"")
                .containsPattern("<button type=\"button\" class=\"btn btn-success\" id=\"mark-won\" disabled\\s+aria-describedby=\"won-blocked\"")
                .contains("id=\"won-blocked\"").contains("tant qu&#39;une remise attend l&#39;accord d&#39;un manager");
        // nor on the progress bar, nor preselected in the stage form
        assertThat(between(page, "id=\"stage-path\"", "</ol>")).doesNotContain("to=WON");
        String form = page("/opportunities/" + deal.id() + "/stage?to=WON");
        assertThat(form).containsPattern("value=\"WON\" aria-describedby=\"won-blocked\" disabled")
                .doesNotContainPattern("value=\"WON\"[^>]*checked");
    }

    @Test
    void theProgressBarShowsThePassedTheCurrentAndTheComingStages() throws Exception {
        opportunities.moveTo(deal.id(), deal.version(), Stage.PROPOSAL, new NextStepPlan("Devis", today().plusDays(2)),
                null, null, sales.asActor());
        String path = between(page("/opportunities/" + deal.id()), "id=\"stage-path\"", "</ol>");
        assertThat(path).containsSubsequence("class=\"done\"", "Prospection", "class=\"done\"", "Qualifiée",
                "aria-current=\"step\" class=\"current stage-PROPOSAL\"", "Proposition",
                "class=\"todo\"", "to=NEGOTIATION", "Négociation", "class=\"todo\"", "to=WON", "Gagnée");

        // lost from the proposal: the stages after it were never reached, the end is "lost"
        Opportunity now = opportunities.get(deal.id());
        opportunities.moveTo(deal.id(), now.version(), Stage.LOST, null, LostReason.PRICE, "Trop cher", sales.asActor());
        String lost = between(page("/opportunities/" + deal.id()), "id=\"stage-path\"", "</ol>");
        assertThat(lost).containsSubsequence("class=\"done\"", "Proposition", "class=\"todo\"", "Négociation",
                "class=\"current stage-LOST\"", "Perdue").doesNotContain("Gagnée").doesNotContain("href");
    }

    @Test
    void aDealWithoutMeetingSaysSoInAGrammaticalSentence() throws Exception {
        assertThat(page("/opportunities/" + deal.id())).contains("Aucun rendez-vous préparé.")
                .doesNotContain("Rendez-vous préparés</h2>\n                <p class=\"small text-muted mb-0\">Aucune.");
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(support.as(sales))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        return text.substring(start, text.indexOf(to, start));
    }
}
