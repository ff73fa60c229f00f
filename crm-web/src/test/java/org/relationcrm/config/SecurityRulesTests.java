package org.relationcrm.config;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.relationcrm.WebTestSupport;
import org.relationcrm.catalog.ProductLineAdmin;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.order.Order;
import org.relationcrm.order.OrderDetails;
import org.relationcrm.order.OrderService;
import org.relationcrm.order.PaymentTerms;
import org.relationcrm.pipeline.NextStepPlan;
import org.relationcrm.pipeline.Opportunity;
import org.relationcrm.pipeline.OpportunityDetails;
import org.relationcrm.pipeline.OpportunityService;
import org.relationcrm.pipeline.Stage;
import org.relationcrm.playbook.Language;
import org.relationcrm.playbook.PlaybookReadService;
import org.relationcrm.playbook.PlaybookRow;
import org.relationcrm.playbook.PlaybookService;
import org.relationcrm.playbook.Situation;
import org.relationcrm.team.Role;
import org.relationcrm.testing.TestData;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.PlaybookTestData;

/** Every route, every role: the rule of SecurityConfig and of the services, through the real filter chain. */
@SpringBootTest
@AutoConfigureMockMvc
class SecurityRulesTests {

    /** The app's clock (relation.time-zone): "today" is the app's day, whatever the JVM's zone. */
    @Autowired
    java.time.Clock clock;

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    ClientService clients;
    @Autowired
    OrderService orders;
    @Autowired
    OpportunityService opportunities;
    @Autowired
    ProductLineAdmin productLines;
    @Autowired
    org.relationcrm.request.RequestService requests;
    @Autowired
    PlaybookReadService playbooks;
    @Autowired
    PlaybookService playbookService;

    WebTestSupport support;
    Map<Role, User> byRole;
    User otherSales;
    Company company;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        byRole = Map.of(Role.SALES, support.newUser(Role.SALES), Role.SUPPORT, support.newUser(Role.SUPPORT),
                Role.ADV, support.newUser(Role.ADV), Role.MANAGER, support.newUser(Role.MANAGER),
                Role.ADMIN, support.newUser(Role.ADMIN));
        otherSales = support.newUser(Role.SALES);
        company = support.companyOwnedBy(byRole.get(Role.SALES));
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
        for (String url : new String[]{"/", "/clients", "/clients/" + company.id(), "/admin/users", "/contacts/new",
                "/search?q=a", "/imports", "/imports/1", "/clients/export"}) {
            mvc.perform(get(url)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        }
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    @Test
    void everyRoleReadsTheSame360Record() throws Exception {
        for (User user : byRole.values()) {
            mvc.perform(get("/clients").with(support.as(user))).andExpect(status().isOk());
            mvc.perform(get("/clients/" + company.id()).with(support.as(user))).andExpect(status().isOk());
            mvc.perform(get("/clients/" + company.id() + "/timeline").header("HX-Request", "true").with(support.as(user)))
                    .andExpect(status().isOk());
        }
    }

    @Test
    void everyoneButTheAdministratorLogsInteractions() throws Exception {
        expect(get("/clients/" + company.id() + "/interactions/new"),
                Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 403));
        expect(post("/clients/" + company.id() + "/interactions").with(csrf()),
                // 200: the empty form comes back with its validation errors, which proves access was granted
                Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 403));
        expect(post("/interactions/999999999/next-step/done").with(csrf()).param("version", "0"),
                Map.of(Role.SALES, 404, Role.SUPPORT, 404, Role.ADV, 404, Role.MANAGER, 404, Role.ADMIN, 403));
    }

    @Test
    void everyoneWhoFollowsUpClientsActsOnTheirDayAManagerOpensATeammates() throws Exception {
        // 302: back to My day with a message (nothing selected), which proves access was granted
        for (String route : new String[]{"/my-day/done", "/my-day/reschedule", "/my-day/reassign"}) {
            expect(post(route).with(csrf()),
                    Map.of(Role.SALES, 302, Role.SUPPORT, 302, Role.ADV, 302, Role.MANAGER, 302, Role.ADMIN, 403));
        }
        expect(get("/?of=" + otherSales.id()),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 200, Role.ADMIN, 403));
        expect(get("/"), Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 200));
    }

    @Test
    void supportCannotRegisterCompanies() throws Exception {
        expect(get("/clients/new"),
                Map.of(Role.SALES, 200, Role.SUPPORT, 403, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 200));
        expect(post("/clients").with(csrf()),
                Map.of(Role.SALES, 200, Role.SUPPORT, 403, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 200));
    }

    @Test
    void onlyTheOwnerAManagerOrAnAdministratorEditsACompany() throws Exception {
        expect(get("/clients/" + company.id() + "/edit"),
                Map.of(Role.SALES, 200, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 200, Role.ADMIN, 200));
        mvc.perform(get("/clients/" + company.id() + "/edit").with(support.as(otherSales))).andExpect(status().isForbidden());
        var edit = post("/clients/" + company.id()).with(csrf())
                .param("name", "Renamed").param("status", "CUSTOMER")
                .param("ownerId", String.valueOf(byRole.get(Role.SALES).id())).param("version", "0");
        mvc.perform(edit.with(support.as(otherSales))).andExpect(status().isForbidden());
        mvc.perform(edit.with(support.as(byRole.get(Role.SUPPORT)))).andExpect(status().isForbidden());
    }

    @Test
    void onlyTheAdministratorManagesUsers() throws Exception {
        expect(get("/admin/users"),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 403, Role.ADMIN, 200));
        expect(get("/admin/users/new"),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 403, Role.ADMIN, 200));
        expect(post("/admin/users").with(csrf()),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 403, Role.ADMIN, 200));
        expect(get("/admin/users/" + otherSales.id() + "/edit"),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 403, Role.ADMIN, 200));
        // a stale version: the administrator is sent back to the user's page, the others refused
        expect(post("/admin/users/" + otherSales.id() + "/password-reset").param("version", "999").with(csrf()),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 403, Role.ADMIN, 302));
    }

    @Test
    void managersAndAdminsSeeHistoriesOfChangesOnlyTheAdministratorTheAuditLogAndUsersHistories() throws Exception {
        for (String kind : new String[]{"company", "contact", "deal", "complaint", "order"}) {
            expect(get("/history/" + kind + "/" + company.id()),
                    Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 200, Role.ADMIN, 200));
        }
        expect(get("/history/company/" + company.id()).header("HX-Request", "true"),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 200, Role.ADMIN, 200));
        // a user's history (role changes): the administrator only
        expect(get("/history/user/" + otherSales.id()),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 403, Role.ADMIN, 200));
        expect(get("/history/nothing/1"), Map.of(Role.SALES, 403, Role.MANAGER, 404, Role.ADMIN, 404));
        expect(get("/history/company/" + company.id()).param("before", "x"), Map.of(Role.MANAGER, 400, Role.ADMIN, 400));
        expect(get("/admin/audit"),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 403, Role.ADMIN, 200));
        expect(get("/admin/audit").param("action", "LOGIN").param("user", "x").param("from", "2026-01-01")
                        .param("to", "2026-12-31"),
                Map.of(Role.SALES, 403, Role.MANAGER, 403, Role.ADMIN, 200));
        // malformed filters: a 400 page, never a 500
        expect(get("/admin/audit").param("action", "NOPE"), Map.of(Role.ADMIN, 400));
        expect(get("/admin/audit").param("from", "31/12/2026"), Map.of(Role.ADMIN, 400));
        expect(get("/admin/audit").param("before", "12_x"), Map.of(Role.ADMIN, 400));
        expect(post("/admin/audit").with(csrf()), Map.of(Role.MANAGER, 403));
        mvc.perform(get("/admin/audit")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/history/company/" + company.id())).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void managersAndAdminsCoachTheRepReadsAndAnswersTheirReviewsNobodyElseReadsThem(
            @Autowired org.relationcrm.interaction.InteractionService interactions,
            @Autowired org.relationcrm.coaching.CoachingService coaching) throws Exception {
        org.relationcrm.team.Actor rep = byRole.get(Role.SALES).asActor();
        java.util.function.Supplier<Long> call = () -> interactions.log(new org.relationcrm.interaction.LogInteraction(
                company.id(), null, org.relationcrm.shared.Channel.PHONE, org.relationcrm.interaction.Direction.OUTBOUND,
                java.time.Instant.now().minusSeconds(60), "Appel", null, null,
                org.relationcrm.interaction.Sentiment.NEGATIVE, null, null), rep).id();
        long reviewed = call.get();
        long toReview = call.get();
        var scores = new java.util.EnumMap<org.relationcrm.coaching.Criterion, org.relationcrm.coaching.Score>(
                org.relationcrm.coaching.Criterion.class);
        for (var criterion : org.relationcrm.coaching.Criterion.values()) {
            scores.put(criterion, org.relationcrm.coaching.Score.of(3, null, "score"));
        }
        long review = coaching.review(reviewed, scores, null, support.newUser(Role.MANAGER).asActor()).id();

        expect(get("/coaching"),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 200, Role.ADMIN, 200));
        expect(get("/coaching/interactions/" + toReview),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 200, Role.ADMIN, 200));
        // 200: the empty form comes back with its validation errors, which proves access was granted
        expect(post("/coaching/interactions/" + toReview).with(csrf()),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 200, Role.ADMIN, 200));
        // "my coaching": whoever talks to clients
        expect(get("/my-coaching"),
                Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 403));
        // the review of the SALES user's exchange: them, managers and admins; not their colleagues
        expect(get("/coaching/reviews/" + review),
                Map.of(Role.SALES, 200, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 200, Role.ADMIN, 200));
        // 200 for the rep: a stale version comes back with its message; only the rep answers
        expect(post("/coaching/reviews/" + review + "/answer").with(csrf()).param("version", "999")
                        .param("answer", "Merci"),
                Map.of(Role.SALES, 200, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 403, Role.ADMIN, 403));
    }

    @Test
    void everyoneUsesSegmentsAPrivateOneIsSeenByItsAuthorOnlyAndChangedByNobodyElse(
            @Autowired org.relationcrm.segment.SegmentService segments) throws Exception {
        // a segment of the administrator's clients (none): counts and lists stay small
        var criteria = new org.relationcrm.segment.SegmentCriteria(null, null, null, null, null,
                byRole.get(Role.ADMIN).id(), null, null, null, null, null, null, null, null, null, null, null, null,
                null);
        long shared = segments.create("Partagé", true, criteria, byRole.get(Role.MANAGER).asActor()).id();
        long mine = segments.create("Privé", false, criteria, byRole.get(Role.SALES).asActor()).id();
        long doomed = segments.create("À supprimer", false, criteria, byRole.get(Role.SALES).asActor()).id();
        Map<Role, Integer> everyone = Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200,
                Role.ADMIN, 200);
        Map<Role, Integer> authorOfMine = Map.of(Role.SALES, 200, Role.SUPPORT, 404, Role.ADV, 404, Role.MANAGER, 404,
                Role.ADMIN, 404);
        expect(get("/segments"), everyone);
        expect(get("/segments/new"), everyone);
        expect(get("/segments/count").param("silentDays", "60"), everyone);
        // 200: the empty form comes back with its messages
        expect(post("/segments").with(csrf()), everyone);
        expect(get("/segments/" + shared), everyone);
        expect(get("/segments/" + mine), authorOfMine);
        // only the author edits: others read a shared one (403 to change it), never see a private one (404)
        expect(get("/segments/" + shared + "/edit"),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 200, Role.ADMIN, 403));
        expect(post("/segments/" + shared).with(csrf()),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 200, Role.ADMIN, 403));
        expect(get("/segments/" + mine + "/edit"), authorOfMine);
        expect(post("/segments/" + mine).with(csrf()), authorOfMine);
        expect(post("/segments/" + shared + "/delete").with(csrf()).param("version", "999"),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 302, Role.ADMIN, 403));
        expect(post("/segments/" + doomed + "/delete").with(csrf()),
                Map.of(Role.SUPPORT, 404, Role.ADV, 404, Role.MANAGER, 404, Role.ADMIN, 404));
        expect(post("/segments/" + doomed + "/delete").with(csrf()), Map.of(Role.SALES, 302));
        expect(get("/segments/" + doomed), Map.of(Role.SALES, 404));
        // call lists: whoever follows up interactions (the administrator does not)
        expect(get("/segments/" + shared + "/calls"),
                Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 403));
        // 200: no date, nobody ticked, the form comes back with its messages
        expect(post("/segments/" + shared + "/calls").with(csrf()),
                Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 403));
        expect(post("/segments/" + mine + "/calls").with(csrf()),
                Map.of(Role.SALES, 200, Role.SUPPORT, 404, Role.ADV, 404, Role.MANAGER, 404, Role.ADMIN, 403));
        // survey sends: whoever sends surveys; no kind chosen: back to the segment with a message
        expect(post("/segments/" + shared + "/surveys").with(csrf()),
                Map.of(Role.SALES, 302, Role.SUPPORT, 302, Role.ADV, 403, Role.MANAGER, 302, Role.ADMIN, 403));
        expect(post("/segments/" + mine + "/surveys").with(csrf()).param("kind", "NPS"),
                Map.of(Role.SALES, 302, Role.SUPPORT, 404, Role.ADV, 403, Role.MANAGER, 404, Role.ADMIN, 403));
        // exports: sales, managers, administrators
        expect(get("/segments/" + shared + "/export"),
                Map.of(Role.SALES, 200, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 200, Role.ADMIN, 200));
        expect(get("/segments/" + mine + "/export"),
                Map.of(Role.SALES, 200, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 404, Role.ADMIN, 404));
    }

    @Test
    void managersAndAdminsReadTheTeamsKpisRepsTheirOwnClientsAdminsEnterTheCosts(
            @Autowired org.relationcrm.insight.InsightService insight) throws Exception {
        User manager = byRole.get(Role.MANAGER);
        long action = insight.decide(java.time.YearMonth.now(clock), org.relationcrm.insight.Kpi.NPS, null, "Cause",
                "Action", manager.id(), java.time.LocalDate.now(clock).plusDays(7), manager.asActor()).id();

        expect(get("/insight"),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 200, Role.ADMIN, 200));
        expect(get("/insight/review"),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 200, Role.ADMIN, 200));
        // one's own clients: whoever talks to clients
        expect(get("/my-insight"),
                Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 403));
        // the rows behind a figure: everyone, narrowed to their own clients unless they see the team's KPIs
        expect(get("/insight/rows/DETRACTORS"),
                Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 200));
        expect(get("/insight/costs"),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 403, Role.ADMIN, 200));
        // 200: the empty form comes back with its messages, which proves access was granted
        expect(post("/insight/costs").with(csrf()),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 403, Role.ADMIN, 200));
        expect(post("/insight/actions").with(csrf()),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 200, Role.ADMIN, 200));
        // a stale version: back to the review with its message
        expect(post("/insight/actions/" + action + "/done").with(csrf()).param("version", "999"),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 302, Role.ADMIN, 302));
        expect(post("/insight/summary").with(csrf()).param("wanted", "false"),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 302, Role.ADMIN, 302));
    }

    @Test
    void managersAndAdminsFindDuplicatesMergeThemAndUndoTheMergeNobodyElse() throws Exception {
        org.relationcrm.team.User rep = byRole.get(Role.SALES);
        Company a = support.companyOwnedBy(rep);
        Company b = support.companyOwnedBy(rep);
        Map<Role, Integer> managersOnly = Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 200,
                Role.ADMIN, 200);
        Map<Role, Integer> managersRedirected = Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403,
                Role.MANAGER, 302, Role.ADMIN, 302);
        expect(get("/duplicates"), managersOnly);
        expect(get("/data-quality"), managersOnly);
        expect(post("/data-quality/snapshot").with(csrf()), managersRedirected);
        expect(get("/duplicates/merge").param("survivor", a.id().toString()).param("loser", b.id().toString()),
                managersOnly);
        expect(post("/duplicates/refresh").with(csrf()), managersRedirected);
        expect(post("/duplicates/dismiss").with(csrf()).param("first", a.id().toString())
                .param("second", b.id().toString()), managersRedirected);
        // 200 for those who may: a stale version comes back on the form with its message; nothing was merged
        expect(post("/duplicates/merge").with(csrf()).param("survivorId", a.id().toString())
                        .param("loserId", b.id().toString()).param("survivorVersion", "999").param("loserVersion", "999"),
                managersOnly);
        // an unknown merge: 404 for those who may undo, 403 before that for the others
        expect(post("/merges/987654321/undo").with(csrf()),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 404, Role.ADMIN, 404));
    }

    @Test
    void managersAndAdminsAnswerAPersonsPrivacyRequestsNobodyElse() throws Exception {
        org.relationcrm.client.Contact person = clients.addContact(company.id(),
                TestData.person("Anne", "Privée", null));
        String base = "/contacts/" + person.id() + "/privacy";
        Map<Role, Integer> managersOnly = Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 200,
                Role.ADMIN, 200);
        expect(get(base), managersOnly);
        expect(get(base + "/export.json"), managersOnly);
        expect(get(base + "/print"), managersOnly);
        // not confirmed: the page comes back with its message (400) for those who may; nothing is erased
        expect(post(base + "/anonymise").with(csrf()).param("version", "0"),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 400, Role.ADMIN, 400));
        for (String url : new String[]{base, base + "/export.json", base + "/print"}) {
            mvc.perform(get(url)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        }
        mvc.perform(post(base + "/anonymise").with(csrf()).param("version", "0").param("confirm", "true"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        org.assertj.core.api.Assertions.assertThat(clients.contact(person.id()).isAnonymised()).isFalse();
    }

    @Test
    void whoeverLogsInteractionsFilesTheUnmatchedEmailsAndDownloadsMeetingInvitationsIfTheyPrepareMeetings(
            @Autowired org.relationcrm.mailbox.MailboxService mailbox,
            @Autowired org.relationcrm.pipeline.MeetingService meetings) throws Exception {
        Map<Role, Integer> loggers = Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200,
                Role.ADMIN, 403);
        expect(get("/mailbox/unmatched"), loggers);
        mailbox.receive(new org.relationcrm.mailbox.IncomingEmail("<" + TestData.unique("rules") + "@nowhere.test>",
                org.relationcrm.mailbox.EmailAddress.of("someone@nowhere.test"), List.of(), List.of(), "Bonjour",
                "Texte", java.time.Instant.now().minusSeconds(60), List.of()));
        long email = mailbox.unmatched(null).rows().getFirst().id();
        expect(get("/mailbox/unmatched/" + email), loggers);
        // 200: the empty form comes back with its errors, which proves access was granted
        expect(post("/mailbox/unmatched/" + email + "/assign").with(csrf()), loggers);
        // a version it never had: back to the queue, "filed meanwhile", for those who may; nothing discarded
        expect(post("/mailbox/unmatched/" + email + "/discard").with(csrf()).param("version", "999"),
                Map.of(Role.SALES, 302, Role.SUPPORT, 302, Role.ADV, 302, Role.MANAGER, 302, Role.ADMIN, 403));
        mvc.perform(get("/mailbox/unmatched")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        long meeting = meetings.prepare(company.id(), null, new org.relationcrm.pipeline.MeetingPlan("Démo",
                java.time.Instant.now().plusSeconds(3600), java.util.Set.of(), null, null, null, null),
                byRole.get(Role.SALES).asActor()).id();
        expect(get("/meetings/" + meeting + "/invitation.ics"),
                Map.of(Role.SALES, 200, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 200, Role.ADMIN, 403));
    }

    @Test
    void managersAndAdminsMergeTwoRecordsOfOnePersonAndUndoItNobodyElse() throws Exception {
        org.relationcrm.team.User rep = byRole.get(Role.SALES);
        Company company = support.companyOwnedBy(rep);
        long a = clients.addContact(company.id(), TestData.person("Anne", "Roux", null)).id();
        long b = clients.addContact(company.id(), TestData.person("Anne", "Roux", null)).id();
        Map<Role, Integer> managersOnly = Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 200,
                Role.ADMIN, 200);
        Map<Role, Integer> managersRedirected = Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403,
                Role.MANAGER, 302, Role.ADMIN, 302);
        expect(get("/duplicates/people/merge").param("survivor", Long.toString(a)).param("loser", Long.toString(b)),
                managersOnly);
        expect(post("/duplicates/people/dismiss").with(csrf()).param("first", Long.toString(a))
                .param("second", Long.toString(b)), managersRedirected);
        // 200 for those who may: a stale version comes back on the form with its message; nothing was merged
        expect(post("/duplicates/people/merge").with(csrf()).param("survivorId", Long.toString(a))
                        .param("loserId", Long.toString(b)).param("survivorVersion", "999").param("loserVersion", "999"),
                managersOnly);
        expect(post("/person-merges/987654321/undo").with(csrf()),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 404, Role.ADMIN, 404));
    }

    @Test
    void advManagersAndAdministratorsImportEachTheirOwnRepsManagersAndAdministratorsExportTheClientsList(
            @Autowired org.relationcrm.dataimport.ImportService imports) throws Exception {
        long job = imports.upload(org.relationcrm.dataimport.ImportKind.COMPANIES, "clients.csv",
                new java.io.ByteArrayInputStream("Nom;Ville\nA;Lyon\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                byRole.get(Role.ADV).asActor()).id();
        Map<Role, Integer> importers = Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 200, Role.MANAGER, 200,
                Role.ADMIN, 200);
        // another importer's import is not found
        Map<Role, Integer> itsOwner = Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 200, Role.MANAGER, 404,
                Role.ADMIN, 404);
        expect(get("/imports"), importers);
        // without a file: the form again, with the reason
        expect(post("/imports").with(csrf()).param("kind", "COMPANIES"), importers);
        expect(get("/imports/" + job), itsOwner);
        expect(get("/imports/" + job + "/mapping"), itsOwner);
        expect(get("/imports/" + job + "/preview"), itsOwner);
        expect(get("/imports/" + job + "/rejected"), itsOwner);
        // no required field mapped: the form again, with the reason
        expect(post("/imports/" + job + "/mapping").with(csrf()), itsOwner);
        expect(post("/imports/" + job + "/run").with(csrf()),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.MANAGER, 404, Role.ADMIN, 404));
        expect(post("/imports/" + job + "/run").with(csrf()), Map.of(Role.ADV, 302));
        expect(get("/imports/987654321"), Map.of(Role.ADV, 404));
        expect(get("/clients/export"), Map.of(Role.SALES, 200, Role.SUPPORT, 403, Role.ADV, 200, Role.MANAGER, 200,
                Role.ADMIN, 200));
    }

    @Test
    void everyoneChangesTheirOwnPassword() throws Exception {
        expect(get("/profile/password"),
                Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 200));
        // a form with no field filled in comes back with its messages, whoever posts it
        expect(post("/profile/password").with(csrf()),
                Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 200));
    }

    @Test
    void everyoneKeepsTheirOwnApiTokens() throws Exception {
        Map<Role, Integer> everyone = Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200,
                Role.ADMIN, 200);
        expect(get("/profile/tokens"), everyone);
        // a form with no field filled in comes back with its messages
        expect(post("/profile/tokens").with(csrf()), everyone);
        // someone else's token, or none: 404 for everyone
        expect(post("/profile/tokens/999999999/revoke").with(csrf()),
                Map.of(Role.SALES, 404, Role.SUPPORT, 404, Role.ADV, 404, Role.MANAGER, 404, Role.ADMIN, 404));
    }

    @Test
    void everyoneMayRecordWhatTheyLearnAboutPeople() throws Exception {
        expect(get("/clients/" + company.id() + "/contacts/new"),
                Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 200));
        expect(get("/contacts/new"),
                Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 200));
    }

    @Test
    void everyoneReadsOrdersTheOrderDeskChangesThemASalesRepPassesTheOrderOfTheirWonDeal() throws Exception {
        long line = productLines.create(TestData.unique("O").substring(0, 8).toUpperCase(), "Gamme", null,
                byRole.get(Role.ADMIN).asActor()).id();
        Order order = orders.place(company.id(), new OrderDetails(null, null, java.time.LocalDate.now(clock), "EUR",
                PaymentTerms.NET_30, java.time.LocalDate.now(clock).plusDays(10), java.util.List.of(new OrderDetails.Line(
                line, 2, new java.math.BigDecimal("100"), null))), byRole.get(Role.ADV).asActor());
        Map<Role, Integer> everyone = Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200,
                Role.ADMIN, 200);
        expect(get("/clients/" + company.id() + "/orders"), everyone);
        expect(get("/orders/" + order.id()), everyone);
        expect(get("/clients/" + company.id() + "/orders/new"),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 200, Role.MANAGER, 403, Role.ADMIN, 200));
        // 200: the empty form comes back with its messages, which proves access was granted
        expect(post("/clients/" + company.id() + "/orders").with(csrf()),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 200, Role.MANAGER, 403, Role.ADMIN, 200));
        expect(get("/orders/" + order.id() + "/edit"),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 200, Role.MANAGER, 403, Role.ADMIN, 200));
        expect(post("/orders/" + order.id()).with(csrf()),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 200, Role.MANAGER, 403, Role.ADMIN, 200));
        // 400: no status asked, which proves access was granted
        expect(post("/orders/" + order.id() + "/status").with(csrf()),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 400, Role.MANAGER, 403, Role.ADMIN, 400));
        expect(post("/orders/" + order.id() + "/cancel").with(csrf()),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 400, Role.MANAGER, 403, Role.ADMIN, 400));

        // the rep who won the deal opens its order form; another rep may not
        User rep = byRole.get(Role.SALES);
        Opportunity deal = opportunities.open(company.id(), Stage.NEGOTIATION, new OpportunityDetails("Contrat",
                        new java.math.BigDecimal("1000"), "EUR", null, java.time.LocalDate.now(clock).plusDays(20), rep.id(),
                        null, java.util.Set.of(), java.util.Set.of(line)),
                new NextStepPlan("Signer", java.time.LocalDate.now(clock).plusDays(2)), rep.asActor());
        opportunities.moveTo(deal.id(), opportunities.get(deal.id()).version(), Stage.WON, null, null, null,
                rep.asActor());
        String fromDeal = "/clients/" + company.id() + "/orders/new?deal=" + deal.id();
        mvc.perform(get(fromDeal).with(support.as(rep))).andExpect(status().isOk());
        mvc.perform(get(fromDeal).with(support.as(otherSales))).andExpect(status().isForbidden());
        mvc.perform(get(fromDeal).with(support.as(byRole.get(Role.SUPPORT)))).andExpect(status().isForbidden());
    }

    @Test
    void everyoneButTheAdministratorSendsAndAnswersRequestsManagersAndAdministratorsSeeTheFigures() throws Exception {
        expect(get("/clients/" + company.id() + "/requests/new"),
                Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 403));
        // 200: the empty form comes back with its validation messages, which proves access was granted
        expect(post("/clients/" + company.id() + "/requests").with(csrf()),
                Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 403));
        expect(get("/requests"),
                Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 403));
        expect(get("/requests/mine"),
                Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 403));
        expect(get("/requests/figures"),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 200, Role.ADMIN, 200));
        // a request nobody has: 404 for whoever may read requests (everyone)
        expect(get("/requests/999999999"),
                Map.of(Role.SALES, 404, Role.SUPPORT, 404, Role.ADV, 404, Role.MANAGER, 404, Role.ADMIN, 404));
        for (String step : new String[]{"accept", "done", "decline", "ask"}) {
            expect(post("/requests/999999999/" + step).with(csrf()).param("version", "0"),
                    Map.of(Role.SALES, 404, Role.SUPPORT, 404, Role.ADV, 404, Role.MANAGER, 404, Role.ADMIN, 403));
        }
        for (String step : new String[]{"reply", "rate"}) {
            expect(post("/requests/999999999/" + step).with(csrf()).param("version", "0"),
                    Map.of(Role.SALES, 404, Role.SUPPORT, 404, Role.ADV, 404, Role.MANAGER, 404, Role.ADMIN, 403));
        }
    }

    @Test
    void onlyTheReceivingDepartmentAnswersARequestAndOnlyItsRequesterRatesIt() throws Exception {
        var request = requests.send(new org.relationcrm.request.NewRequest(company.id(), null, null,
                org.relationcrm.shared.Department.ADV, null, org.relationcrm.request.RequestKind.CREDIT_NOTE,
                "Avoir", null), byRole.get(Role.SUPPORT).asActor());
        // every role reads it (the client's context is everyone's); the order desk alone takes it in hand
        expect(get("/requests/" + request.id()),
                Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 200));
        expect(post("/requests/" + request.id() + "/accept").with(csrf()).param("version", "0"),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.MANAGER, 403, Role.ADMIN, 403));
        expect(post("/requests/" + request.id() + "/accept").with(csrf()).param("version", "0"),
                Map.of(Role.ADV, 302));
        // not done yet: nothing to rate, for its requester (409) as for anyone else (403)
        expect(post("/requests/" + request.id() + "/rate").with(csrf()).param("version", "1").param("useful", "true"),
                Map.of(Role.SUPPORT, 409, Role.SALES, 403, Role.ADV, 403, Role.MANAGER, 403, Role.ADMIN, 403));
    }

    @Test
    void onlyTheAdministratorSetsTheServiceLevels() throws Exception {
        expect(get("/admin/service-levels"),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 403, Role.ADMIN, 200));
        // nothing posted, nothing changed: back to the grid
        expect(post("/admin/service-levels").with(csrf()),
                Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 403, Role.ADMIN, 302));
    }

    @Test
    void everyoneReadsAndVotesOnPlaybooksManagersAndAdministratorsWriteThem() throws Exception {
        long id = playbooks.list().stream().findFirst().map(PlaybookRow::id)
                .orElseGet(() -> playbookService.write(Situation.ANGRY_CLIENT,
                        Map.of(Language.FR, PlaybookTestData.french("Client mécontent")),
                        byRole.get(Role.MANAGER).asActor()).id());
        Map<Role, Integer> everyone = Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200,
                Role.ADMIN, 200);
        Map<Role, Integer> writers = Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 200,
                Role.ADMIN, 200);
        expect(get("/playbooks"), everyone);
        expect(get("/playbooks/" + id), everyone);
        expect(get("/playbooks/" + id + "/history"), everyone);
        // 302: back to the guide with thanks, which proves access was granted
        expect(post("/playbooks/" + id + "/votes").with(csrf()).param("revision", "1").param("useful", "true"),
                Map.of(Role.SALES, 302, Role.SUPPORT, 302, Role.ADV, 302, Role.MANAGER, 302, Role.ADMIN, 302));
        expect(get("/playbooks/new"), writers);
        expect(get("/playbooks/" + id + "/edit"), writers);
        // 200: the empty form comes back with its messages
        expect(post("/playbooks").with(csrf()), writers);
        expect(post("/playbooks/" + id).with(csrf()), writers);
        // the guide under the mood of the interaction form: for those who log interactions
        expect(get("/interactions/mood-guide").param("sentiment", "NEGATIVE"),
                Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 403));
    }

    @Test
    void postsWithoutCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/clients").param("name", "No token").with(support.as(byRole.get(Role.SALES))))
                .andExpect(status().isForbidden());
    }

    @Test
    void routesWithoutARuleAreDenied() throws Exception {
        mvc.perform(get("/actuator/env").with(support.as(byRole.get(Role.ADMIN)))).andExpect(status().isForbidden());
        mvc.perform(post("/something/else").with(csrf()).with(support.as(byRole.get(Role.ADMIN))))
                .andExpect(status().isForbidden());
    }

    @Test
    void theHealthProbesAreOpenTheMetricsAndInfoOnlyForTheOperator() throws Exception {
        for (String probe : new String[]{"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            mvc.perform(get(probe)).andExpect(status().isOk());
            expect(get(probe), Map.of(Role.SALES, 200, Role.SUPPORT, 200, Role.ADV, 200, Role.MANAGER, 200, Role.ADMIN, 200));
        }
        for (String operated : new String[]{"/actuator/prometheus", "/actuator/info"}) {
            // HTTP basic's challenge, not the login page: a scraper is no browser
            mvc.perform(get(operated)).andExpect(status().isUnauthorized());
            expect(get(operated), Map.of(Role.SALES, 403, Role.SUPPORT, 403, Role.ADV, 403, Role.MANAGER, 403, Role.ADMIN, 200));
        }
        // not exposed, or not for the web: closed to everyone
        expect(get("/actuator/env"), Map.of(Role.MANAGER, 403, Role.ADMIN, 403));
        expect(post("/actuator/health").with(csrf()), Map.of(Role.ADMIN, 403));
    }

    private void expect(MockHttpServletRequestBuilder request, Map<Role, Integer> expected) throws Exception {
        for (var entry : expected.entrySet()) {
            mvc.perform(request.with(support.as(byRole.get(entry.getKey()))))
                    .andExpect(result -> {
                        int actual = result.getResponse().getStatus();
                        if (actual != entry.getValue()) {
                            throw new AssertionError(request.buildRequest(new org.springframework.mock.web.MockServletContext()).getRequestURI()
                                    + " as " + entry.getKey() + ": expected " + entry.getValue() + " but was " + actual);
                        }
                    });
        }
    }
}
