package org.relationcrm.pipeline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.relationcrm.WebTestSupport;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.pipeline.ConcessionType;
import org.relationcrm.pipeline.Counterpart;
import org.relationcrm.pipeline.NextStepPlan;
import org.relationcrm.pipeline.Opportunity;
import org.relationcrm.pipeline.OpportunityDetails;
import org.relationcrm.pipeline.OpportunityService;
import org.relationcrm.pipeline.Stage;
import org.relationcrm.pipeline.ValueKind;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;

/**
 * The board as its users meet it over HTTP: every deal reachable (columns page on with keyset cursors), won and lost
 * of the month at the end, and a drop that moves the deal at once, asking only what the new stage needs, refusing
 * a stale version or a blocked win with its reason, and malformed requests with a 4xx.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BoardTests {

    private static final Pattern MORE = Pattern.compile("class=\"board-more\"[^>]*href=\"([^\"]+)\"");

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

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        sales = support.newUser(Role.SALES);
        company = support.companyOwnedBy(sales);
    }

    @Test
    void cardsShowTheClientsNameFirst() throws Exception {
        Opportunity deal = deal(Stage.PROPOSAL, "Mission de conseil 2026", "15000", nextStep("Appeler", 3));
        String card = card(page("/pipeline"), deal.id());
        assertThat(card.indexOf(company.name())).as("the client's name").isPositive()
                .isLessThan(card.indexOf("Mission de conseil 2026"));
    }

    @Test
    void everyDealOfALongColumnIsReachableByItsNextPages() throws Exception {
        for (int i = 0; i < 45; i++) {
            deal(Stage.QUALIFIED, "Deal " + i, "1000", nextStep("Appeler", 3));
        }
        String board = page("/pipeline");
        String column = between(board, "id=\"column-QUALIFIED\"", "id=\"column-PROPOSAL\"");
        assertThat(column).contains("45 opportunités").contains("45\u202f000\u00a0€")
                .doesNotContain("autres");
        assertThat(count(column, "class=\"board-card\"")).isEqualTo(20);

        // htmx: the next cards and a link to the following ones, in place of the link
        String next = more(column);
        String second = mvc.perform(get(next).header("HX-Request", "true").with(support.as(sales)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(count(second, "class=\"board-card\"")).isEqualTo(20);
        assertThat(second).doesNotContain("<html");
        String third = mvc.perform(get(more(second)).header("HX-Request", "true").with(support.as(sales)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(count(third, "class=\"board-card\"")).isEqualTo(5);
        assertThat(third).doesNotContain("board-more");
        // every deal once, none twice
        Set<String> ids = new java.util.HashSet<>();
        for (String part : new String[]{column, second, third}) {
            Matcher m = Pattern.compile("id=\"card-(\\d+)\"").matcher(part);
            while (m.find()) {
                assertThat(ids.add(m.group(1))).as("card " + m.group(1) + " shown once").isTrue();
            }
        }
        assertThat(ids).hasSize(45);

        // without JavaScript the same link is a page of its own
        String own = page(next.replace("&amp;", "&"));
        assertThat(own).contains("<html").contains("Qualifiée : opportunités suivantes");
        assertThat(count(own, "class=\"board-card\"")).isEqualTo(20);
    }

    @Test
    void dealsWonAndLostThisMonthAreFoldedAtTheEndAndOlderOnesAreNot() throws Exception {
        Opportunity wonNow = deal(Stage.NEGOTIATION, "Gagnée ce mois", "7000", nextStep("Signer", 2));
        opportunities.moveTo(wonNow.id(), wonNow.version(), Stage.WON, null, null, null, sales.asActor());
        Opportunity wonBefore = deal(Stage.NEGOTIATION, "Gagnée avant", "9000", nextStep("Signer", 2));
        opportunities.moveTo(wonBefore.id(), wonBefore.version(), Stage.WON, null, null, null, sales.asActor());
        jdbc.sql("update opportunity set closed_at = closed_at - interval '40 days' where id = :id")
                .param("id", wonBefore.id()).update();
        Opportunity lost = deal(Stage.PROPOSAL, "Perdue ce mois", "3000", nextStep("Relancer", 2));
        opportunities.moveTo(lost.id(), lost.version(), Stage.LOST, null,
                org.relationcrm.pipeline.LostReason.PRICE, "Trop cher", sales.asActor());

        String board = page("/pipeline");
        assertThat(board.indexOf("id=\"column-NEGOTIATION\"")).isLessThan(board.indexOf("id=\"column-WON\""));
        assertThat(board.indexOf("id=\"column-WON\"")).isLessThan(board.indexOf("id=\"column-LOST\""));
        String won = between(board, "id=\"column-WON\"", "id=\"column-LOST\"");
        assertThat(won).startsWith("id=\"column-WON\"").contains("Gagnées en ").contains("1 opportunité")
                .contains("7\u202f000\u00a0€").contains("Gagnée ce mois").doesNotContain("Gagnée avant")
                .doesNotContain("draggable=\"true\"");
        assertThat(board).containsPattern("<details class=\"board-column closed\" id=\"column-WON\"")
                .containsPattern("<details class=\"board-column closed\" id=\"column-LOST\"");
        assertThat(between(board, "id=\"column-LOST\"", "</details>")).contains("Perdue ce mois");
    }

    @Test
    void aDropMovesTheDealAtOnceKeepingItsNextStepAndAnswersTheCardAndTheNewTotals() throws Exception {
        Opportunity deal = deal(Stage.PROSPECTING, "Audit", "12000", nextStep("Qualifier le besoin", 2));
        String answer = mvc.perform(drop(deal, Stage.QUALIFIED))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        Opportunity moved = opportunities.get(deal.id());
        assertThat(moved.stage()).isEqualTo(Stage.QUALIFIED);
        assertThat(moved.nextStep()).isEqualTo("Qualifier le besoin");
        assertThat(moved.nextStepDue()).isEqualTo(today().plusDays(2));
        assertThat(answer).contains("id=\"card-" + deal.id() + "\"").contains("data-stage=\"QUALIFIED\"")
                .contains("data-version=\"" + moved.version() + "\"")
                .contains("id=\"head-QUALIFIED\"").contains("id=\"head-PROSPECTING\"").contains("id=\"head-WON\"")
                .contains("id=\"board-totals\"").contains("maintenant en « Qualifiée »");
        assertThat(between(answer, "id=\"head-QUALIFIED\"", "</div>\n</div>")).contains("1 opportunité");
    }

    @Test
    void aDropOnAStaleVersionChangesNothingAndSaysWhy() throws Exception {
        Opportunity deal = deal(Stage.PROSPECTING, "Audit", "12000", nextStep("Qualifier", 2));
        opportunities.moveTo(deal.id(), deal.version(), Stage.PROPOSAL, nextStep("Envoyer", 5), null, null,
                sales.asActor());
        String answer = mvc.perform(drop(deal, Stage.QUALIFIED))   // the board still showed version 0
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(opportunities.get(deal.id()).stage()).isEqualTo(Stage.PROPOSAL);
        assertThat(answer).contains("id=\"board-message\"").contains("modifiée entre-temps")
                .contains("étape actuelle : Proposition")
                .contains("data-stage=\"PROPOSAL\"");   // the card as it is now, for the board to show
    }

    @Test
    void aDropToLostAsksWhyThenMoves() throws Exception {
        Opportunity deal = deal(Stage.PROPOSAL, "Audit", "12000", nextStep("Relancer", 2));
        String dialog = mvc.perform(drop(deal, Stage.LOST))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(dialog).contains("id=\"move-form\"").contains("name=\"lostReason\"").contains("name=\"lostComment\"")
                .doesNotContain("name=\"nextStepAction\"").doesNotContain("is-invalid");
        assertThat(opportunities.get(deal.id()).stage()).isEqualTo(Stage.PROPOSAL);

        // the dialog sent without a comment comes back with its message
        assertThat(mvc.perform(drop(deal, Stage.LOST).param("asked", "true").param("lostReason", "PRICE"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("Expliquez la perte en quelques mots.");
        mvc.perform(drop(deal, Stage.LOST).param("asked", "true").param("lostReason", "PRICE")
                        .param("lostComment", "Concurrent moins cher"))
                .andExpect(status().isOk());
        Opportunity lost = opportunities.get(deal.id());
        assertThat(lost.stage()).isEqualTo(Stage.LOST);
        assertThat(lost.lostComment()).isEqualTo("Concurrent moins cher");
    }

    @Test
    void aDropAsksForANextStepOnlyWhenTheDealHasNoneOrItIsOverduePreFilledWithTheCurrentOne() throws Exception {
        Opportunity deal = deal(Stage.PROSPECTING, "Audit", "12000", nextStep("Rappeler la DSI", 2));
        jdbc.sql("update opportunity set next_step_due = current_date - 3 where id = :id").param("id", deal.id()).update();
        String dialog = mvc.perform(drop(deal, Stage.QUALIFIED))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(dialog).contains("name=\"nextStepAction\"").contains("value=\"Rappeler la DSI\"")
                .contains("value=\"" + today().plusDays(7) + "\"").contains("était prévue le")
                .doesNotContain("name=\"lostReason\"");
        assertThat(opportunities.get(deal.id()).stage()).isEqualTo(Stage.PROSPECTING);

        assertThat(mvc.perform(drop(deal, Stage.QUALIFIED).param("asked", "true")
                        .param("nextStepAction", "Rappeler la DSI").param("nextStepDue", "2026-13-45"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("is-invalid");
        mvc.perform(drop(deal, Stage.QUALIFIED).param("asked", "true").param("nextStepAction", "Rappeler la DSI")
                        .param("nextStepDue", today().plusDays(1).toString()))
                .andExpect(status().isOk());
        Opportunity moved = opportunities.get(deal.id());
        assertThat(moved.stage()).isEqualTo(Stage.QUALIFIED);
        assertThat(moved.nextStepDue()).isEqualTo(today().plusDays(1));

        // a deal without a next step (imported so) is asked for one
        jdbc.sql("update opportunity set next_step = null, next_step_due = null where id = :id")
                .param("id", deal.id()).update();
        assertThat(mvc.perform(drop(opportunities.get(deal.id()), Stage.PROPOSAL))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("n&#39;a pas de prochaine étape");
    }

    @Test
    void aDropOnWonWhileADiscountAwaitsApprovalIsRefusedWithTheReason() throws Exception {
        Opportunity deal = deal(Stage.NEGOTIATION, "Audit", "10000", nextStep("Signer", 2));
        opportunities.grantConcession(deal.id(), deal.version(), ConcessionType.DISCOUNT, ValueKind.PERCENT,
                new BigDecimal("15"), Counterpart.NONE, null, sales.asActor());
        String answer = mvc.perform(drop(opportunities.get(deal.id()), Stage.WON))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(answer).contains("attend l&#39;accord d&#39;un manager");
        assertThat(opportunities.get(deal.id()).stage()).isEqualTo(Stage.NEGOTIATION);
    }

    @Test
    void malformedMovesAndCursorsAreRefusedWith4xxAndTheReason() throws Exception {
        Opportunity deal = deal(Stage.PROSPECTING, "Audit", "12000", nextStep("Qualifier", 2));
        for (var request : new MockHttpServletRequestBuilder[]{
                post("/opportunities/" + deal.id() + "/move").param("version", "0"),
                post("/opportunities/" + deal.id() + "/move").param("stage", "QUALIFIED"),
                post("/opportunities/" + deal.id() + "/move").param("stage", "BOGUS").param("version", "0"),
                post("/opportunities/" + deal.id() + "/move").param("stage", "PROSPECTING").param("version", "0"),
                // a field the stage does not ask for, malformed: no dialog could correct it
                post("/opportunities/" + deal.id() + "/move").param("stage", "WON").param("version", "0")
                        .param("lostReason", "BOGUS"),
                post("/opportunities/" + deal.id() + "/move").param("stage", "LOST").param("version", "0")
                        .param("nextStepDue", "2026-13-45")}) {
            assertThat(mvc.perform(request.with(csrf()).with(support.as(sales)))
                    .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                    .contains("Déplacement impossible");
        }
        for (String url : new String[]{"/pipeline/columns/QUALIFIED?after=nope", "/pipeline/columns/QUALIFIED?after=2026-13-01_4",
                "/pipeline/columns/WON?after=2026-12-01_4", "/pipeline/columns/QUALIFIED?after=9999-12-31_1",
                "/pipeline/columns/BOGUS", "/pipeline/columns/QUALIFIED?owner=abc"}) {
            mvc.perform(get(url).with(support.as(sales))).andExpect(status().isBadRequest());
        }
        assertThat(opportunities.get(deal.id()).stage()).isEqualTo(Stage.PROSPECTING);
    }

    @Test
    void anotherRepCannotMoveTheDealAndSeesItsCardNotDraggable() throws Exception {
        Opportunity deal = deal(Stage.PROSPECTING, "Audit", "12000", nextStep("Qualifier", 2));
        User other = support.newUser(Role.SALES);
        mvc.perform(post("/opportunities/" + deal.id() + "/move").with(csrf()).with(support.as(other))
                        .param("stage", "QUALIFIED").param("version", "0"))
                .andExpect(status().isForbidden());
        // the owner's deals (with owner=all, the deals other tests left in the shared database could push this
        // card past a column's first page)
        String card = card(mvc.perform(get("/pipeline?owner=" + sales.id()).with(support.as(other)))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8), deal.id());
        assertThat(card).contains("draggable=\"false\"").doesNotContain("move-link");
        assertThat(opportunities.get(deal.id()).stage()).isEqualTo(Stage.PROSPECTING);
    }

    private MockHttpServletRequestBuilder drop(Opportunity deal, Stage to) {
        return post("/opportunities/" + deal.id() + "/move").with(csrf()).with(support.as(sales))
                .param("stage", to.name()).param("version", String.valueOf(deal.version()))
                .param("owner", String.valueOf(sales.id()));
    }

    private Opportunity deal(Stage stage, String title, String amount, NextStepPlan next) {
        return opportunities.open(company.id(), stage, new OpportunityDetails(title, new BigDecimal(amount), "EUR",
                null, today().plusMonths(2), sales.id(), null, Set.of(), Set.of()), next, sales.asActor());
    }

    private NextStepPlan nextStep(String action, int inDays) {
        return new NextStepPlan(action, today().plusDays(inDays));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(java.net.URI.create(url)).with(support.as(sales)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String card(String page, long id) {
        return between(page, "id=\"card-" + id + "\"", "</article>");
    }

    private static String more(String html) {
        Matcher m = MORE.matcher(html);
        assertThat(m.find()).as("a link to the next cards").isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        int end = text.indexOf(to, start + from.length());
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
