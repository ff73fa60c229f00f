package org.relationcrm.myday.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
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
import org.relationcrm.pipeline.NextStepPlan;
import org.relationcrm.pipeline.Opportunity;
import org.relationcrm.pipeline.OpportunityService;
import org.relationcrm.pipeline.Stage;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.ItemRef;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;

/**
 * "My day" as a to-do list, over HTTP through the security chain: one item done in place (htmx) or with a plain
 * post that comes back to My day; a backlog rescheduled, marked done or handed on in one action; an item changed
 * meanwhile left as it is, with a message; bad input answered with a message; who may act on what; each role's work.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MyDayTests {

    @Autowired MockMvc mvc;
    /** The app's clock: its days are those of relation.time-zone, not the JVM's. */
    @Autowired java.time.Clock clock;
    @Autowired UserService users;
    @Autowired UserDetailsService userDetails;
    @Autowired ClientService clients;
    @Autowired InteractionService interactions;
    @Autowired OpportunityService opportunities;
    @Autowired ComplaintService complaints;

    WebTestSupport support;
    User rep;
    Company company;
    LocalDate today;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        rep = support.newUser(Role.SALES);
        company = support.companyOwnedBy(rep);
        today = LocalDate.now(clock);
    }

    @Test
    void markingOneItemDoneWithHtmxAnswersTheListInPlaceWithoutIt() throws Exception {
        Interaction call = followUp(rep, "Rappeler Mme Garnier", 3);
        Interaction other = followUp(rep, "Envoyer le devis", 1);

        MockHttpServletResponse answer = mvc.perform(post("/my-day/done").with(csrf()).with(support.as(rep))
                        .header("HX-Request", "true").param("only", key(call)).param("item", key(other)))
                .andExpect(status().isOk()).andReturn().getResponse();

        String list = answer.getContentAsString();
        assertThat(list).as("the list alone, to swap: no page around it").startsWith("<div")
                .contains("id=\"work\"").doesNotContain("<nav").doesNotContain("<html")
                .contains("Un élément marqué comme fait.")
                .doesNotContain("Rappeler Mme Garnier")
                .contains("Envoyer le devis");  // its own button wins over the ticked boxes
        assertThat(interactions.get(call.id()).nextStep().isDone()).isTrue();
        assertThat(interactions.get(other.id()).nextStep().isDone()).isFalse();
    }

    @Test
    void withoutJavaScriptMarkingDoneComesBackToMyDayWithTheNotice() throws Exception {
        Interaction call = followUp(rep, "Rappeler Mme Garnier", 3);

        // the notice waits in the session (kept in PostgreSQL): the browser's session cookie brings it back
        Cookie[] session = mvc.perform(post("/my-day/done").with(csrf()).with(support.as(rep)).param("only", key(call)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/"))
                .andExpect(flash().attributeExists("notice")).andReturn().getResponse().getCookies();
        String page = mvc.perform(get("/").cookie(session).with(support.as(rep)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<nav").contains("Un élément marqué comme fait.").doesNotContain("Rappeler Mme Garnier");
    }

    @Test
    void aBacklogOfFollowUpsAndDealsIsRescheduledInOneAction() throws Exception {
        MockHttpServletRequestBuilder request = post("/my-day/reschedule").with(csrf()).with(support.as(rep))
                .header("HX-Request", "true").param("when", "TOMORROW");
        long[] ids = new long[36];
        for (int i = 0; i < 36; i++) {
            Interaction late = followUp(rep, "Relance " + i, 20 * i + 1); // back to two years
            ids[i] = late.id();
            request.param("item", key(late));
        }
        Opportunity deal = lateDeal(rep);
        request.param("item", "D" + deal.id() + "." + deal.version());

        String list = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(list).contains("37 éléments reportés au").doesNotContain("id=\"overdue\"");
        for (long id : ids) {
            assertThat(interactions.get(id).nextStep().dueOn()).isEqualTo(today.plusDays(1));
        }
        Opportunity moved = opportunities.get(deal.id());
        assertThat(moved.nextStepDue()).isEqualTo(today.plusDays(1));
        assertThat(moved.nextStep()).isEqualTo("Relancer l'acheteuse");

        Interaction one = interactions.get(ids[0]);
        mvc.perform(post("/my-day/reschedule").with(csrf()).with(support.as(rep)).param("item", key(one))
                        .param("when", "DATE").param("on", today.plusDays(12).toString()))
                .andExpect(redirectedUrl("/"));
        assertThat(interactions.get(ids[0]).nextStep().dueOn()).isEqualTo(today.plusDays(12));
        mvc.perform(post("/my-day/reschedule").with(csrf()).with(support.as(rep)).param("item", key(interactions.get(ids[0])))
                        .param("when", "NEXT_WEEK"))
                .andExpect(redirectedUrl("/"));
        assertThat(interactions.get(ids[0]).nextStep().dueOn()).isEqualTo(today.plusDays(7));
    }

    @Test
    void aBacklogIsMarkedDoneInOneActionAndADealKeepsItsNextStep() throws Exception {
        Interaction a = followUp(rep, "Relance A", 400);
        Interaction b = followUp(rep, "Relance B", 700);
        Opportunity deal = lateDeal(rep);

        String list = htmx(post("/my-day/done").param("item", key(a), key(b), "D" + deal.id() + "." + deal.version()), rep);

        assertThat(list).contains("2 éléments marqués comme faits.")
                .contains("Une opportunité garde sa prochaine étape").contains("alert-warning")
                .contains("Relancer l&#39;acheteuse");
        assertThat(interactions.get(a.id()).nextStep().isDone()).isTrue();
        assertThat(interactions.get(b.id()).nextStep().isDone()).isTrue();
        assertThat(opportunities.get(deal.id()).nextStep()).isEqualTo("Relancer l'acheteuse");
    }

    @Test
    void anItemChangedMeanwhileIsLeftAsItIsAndTheUserIsTold() throws Exception {
        Interaction seen = followUp(rep, "Rappeler Mme Garnier", 3);
        Interaction doneElsewhere = followUp(rep, "Envoyer le devis", 2);
        Interaction fine = followUp(rep, "Envoyer la plaquette", 2);
        String seenKey = key(seen);
        String doneKey = key(doneElsewhere);
        // meanwhile, in another tab: one is rescheduled, another marked done
        interactions.rescheduleNextSteps(Set.of(new ItemRef(seen.id(), seen.version())), today.plusDays(3), rep.asActor());
        interactions.completeNextSteps(Set.of(new ItemRef(doneElsewhere.id(), doneElsewhere.version())), rep.asActor());

        String list = htmx(post("/my-day/reschedule").param("when", "TOMORROW").param("item", seenKey, doneKey, key(fine)),
                rep);

        assertThat(list).contains("Un élément reporté au")
                .contains("2 éléments avaient été modifiés entre-temps");
        assertThat(interactions.get(seen.id()).nextStep().dueOn()).as("not overwritten").isEqualTo(today.plusDays(3));
        assertThat(interactions.get(fine.id()).nextStep().dueOn()).isEqualTo(today.plusDays(1));
    }

    @Test
    void badInputComesBackAsAMessageNeverAnError() throws Exception {
        Interaction call = followUp(rep, "Rappeler Mme Garnier", 3);
        User admin = support.newUser(Role.ADMIN);

        assertThat(htmx(post("/my-day/done"), rep)).contains("Cochez au moins un élément");
        assertThat(htmx(post("/my-day/done").param("item", "I12"), rep)).contains("La sélection n&#39;a pas pu être lue");
        assertThat(htmx(post("/my-day/done").param("item", "X1.1"), rep)).contains("La sélection n&#39;a pas pu être lue");
        for (String bogus : new String[]{"2026-02-30", "abc", "", "9999-12-31", today.minusDays(1).toString()}) {
            assertThat(htmx(post("/my-day/reschedule").param("item", key(call)).param("when", "DATE").param("on", bogus), rep))
                    .as(bogus).contains("Choisissez une date valide");
        }
        for (String nobody : new String[]{"987654321", "abc", "", String.valueOf(admin.id())}) {
            assertThat(htmx(post("/my-day/reassign").param("item", key(call)).param("to", nobody), rep))
                    .as(nobody).contains("Choisissez une personne de l&#39;équipe");
        }
        Interaction untouched = interactions.get(call.id());
        assertThat(untouched.nextStep().isDone()).isFalse();
        assertThat(untouched.nextStep().dueOn()).isEqualTo(call.nextStep().dueOn());
        assertThat(untouched.nextStep().assigneeId()).isEqualTo(call.nextStep().assigneeId());
    }

    @Test
    void aFollowUpHandedOnLeavesTheRepsDayForTheAssignees() throws Exception {
        User adv = support.newUser(Role.ADV);
        Interaction invoice = followUp(rep, "Envoyer la facture rectifiée", 1);

        String list = htmx(post("/my-day/reassign").param("item", key(invoice)).param("to", String.valueOf(adv.id())), rep);

        assertThat(list).contains("Un élément confié à " + adv.fullName()).doesNotContain("Envoyer la facture rectifiée");
        assertThat(interactions.get(invoice.id()).nextStep().assigneeId()).isEqualTo(adv.id());
        assertThat(page("/", adv)).contains("Envoyer la facture rectifiée");
    }

    @Test
    void aRepCannotChangeSomeoneElsesItemsAManagerCanAndHandsDealsOver() throws Exception {
        User otherRep = support.newUser(Role.SALES);
        User manager = support.newUser(Role.MANAGER);
        Interaction theirs = followUp(rep, "Rappeler Mme Garnier", 3);
        Opportunity deal = lateDeal(rep);
        String dealKey = "D" + deal.id() + "." + deal.version();

        String refused = htmx(post("/my-day/reassign").param("item", key(theirs), dealKey)
                .param("to", String.valueOf(otherRep.id())), otherRep);
        assertThat(refused).contains("2 éléments ne vous reviennent pas").contains("alert-danger");
        refused = htmx(post("/my-day/reschedule").param("item", key(theirs), dealKey).param("when", "TOMORROW"), otherRep);
        assertThat(refused).contains("2 éléments ne vous reviennent pas");
        // and a rep gives no deal away, not even their own
        assertThat(htmx(post("/my-day/reassign").param("item", dealKey).param("to", String.valueOf(otherRep.id())), rep))
                .contains("Un élément ne vous revient pas");
        assertThat(interactions.get(theirs.id()).nextStep().assigneeId()).isEqualTo(rep.id());
        assertThat(opportunities.get(deal.id()).ownerId()).isEqualTo(rep.id());

        String shared = htmx(post("/my-day/reassign").param("of", String.valueOf(rep.id()))
                .param("item", key(theirs), dealKey).param("to", String.valueOf(otherRep.id())), manager);

        assertThat(shared).contains("2 éléments confiés à " + otherRep.fullName());
        assertThat(interactions.get(theirs.id()).nextStep().assigneeId()).isEqualTo(otherRep.id());
        assertThat(opportunities.get(deal.id()).ownerId()).isEqualTo(otherRep.id());
    }

    @Test
    void theAdministratorActsOnNoItem() throws Exception {
        User admin = support.newUser(Role.ADMIN);
        Interaction call = followUp(rep, "Rappeler Mme Garnier", 3);
        for (String route : new String[]{"/my-day/done", "/my-day/reschedule", "/my-day/reassign"}) {
            mvc.perform(post(route).with(csrf()).with(support.as(admin)).param("item", key(call)).param("when", "TOMORROW"))
                    .andExpect(status().isForbidden());
        }
        assertThat(page("/", admin)).contains("Rien à suivre ici pour votre rôle.").doesNotContain("id=\"myday-bulk\"");
    }

    @Test
    void eachRoleSeesItsOwnWork() throws Exception {
        User adv = support.newUser(Role.ADV);
        User agent = support.newUser(Role.SUPPORT);
        User manager = support.newUser(Role.MANAGER);
        followUp(rep, "Rappeler Mme Garnier", 3);
        Opportunity won = PipelineTestData.deal(opportunities, company.id(), rep, "18000");
        opportunities.moveTo(won.id(), won.version(), Stage.WON, null, null, null, rep.asActor());
        complaints.open(new NewComplaint(company.id(), null, Channel.PHONE, ComplaintCategory.DELIVERY, Severity.HIGH, "Livraison incomplète",
                "Livraison incomplète"), agent.id(), agent.asActor());

        String sales = page("/", rep);
        assertThat(sales).contains("id=\"meetings-today\"").contains("id=\"stale\"").contains("id=\"without-next-step\"")
                .contains("Rappeler Mme Garnier")
                .doesNotContain("id=\"recently-won\"").doesNotContain("id=\"my-complaints\"").doesNotContain("id=\"team\"");

        String orderDesk = page("/", adv);
        assertThat(orderDesk).as("no deal cards for the order desk")
                .doesNotContain("id=\"meetings-today\"").doesNotContain("id=\"stale\"")
                .doesNotContain("id=\"without-next-step\"").doesNotContain("id=\"my-complaints\"")
                .contains("id=\"recently-won\"").contains(company.name()).contains("Équipement atelier");

        String supportDay = page("/", agent);
        assertThat(supportDay).contains("id=\"my-complaints\"").contains("Mes réclamations ouvertes (1)")
                .contains("Livraison")
                .doesNotContain("id=\"stale\"").doesNotContain("id=\"recently-won\"");

        String managerDay = page("/", manager);
        assertThat(managerDay).contains("id=\"team\"").contains("href=\"/?of=" + rep.id() + "\"")
                .contains("id=\"escalated-complaints\"");
        assertThat(page("/?of=" + rep.id(), manager)).contains("Journée de " + rep.fullName())
                .contains("Rappeler Mme Garnier");
        mvc.perform(get("/?of=" + manager.id()).with(support.as(rep))).andExpect(status().isForbidden());
    }

    private Interaction followUp(User author, String action, int daysLate) {
        LocalDate due = today.minusDays(daysLate);
        Instant occurred = due.minusDays(1).atStartOfDay(java.time.ZoneId.of("Europe/Paris")).toInstant()
                .plus(10, ChronoUnit.HOURS);
        return interactions.log(new LogInteraction(company.id(), Set.of(), Channel.PHONE, Direction.OUTBOUND, occurred,
                "Appel " + action, null, null, null, action, due), author.asActor());
    }

    private Opportunity lateDeal(User owner) {
        Opportunity deal = PipelineTestData.deal(opportunities, company.id(), owner, "20000");
        return opportunities.planNextStep(deal.id(), deal.version(),
                new NextStepPlan("Relancer l'acheteuse", today), owner.asActor());
    }

    private static String key(Interaction interaction) {
        return "I" + interaction.id() + "." + interaction.version();
    }

    private String htmx(MockHttpServletRequestBuilder request, User user) throws Exception {
        return mvc.perform(request.with(csrf()).with(support.as(user)).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String page(String url, User user) throws Exception {
        return mvc.perform(get(url).with(support.as(user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
