package org.relationcrm.feedback.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.relationcrm.catalog.ProductLine;
import org.relationcrm.catalog.ProductLineRepository;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.Consent;
import org.relationcrm.client.Contact;
import org.relationcrm.client.ContactDetails;
import org.relationcrm.feedback.ChurnRisk;
import org.relationcrm.feedback.Complaint;
import org.relationcrm.feedback.ComplaintCategory;
import org.relationcrm.feedback.ComplaintService;
import org.relationcrm.feedback.CustomerCare;
import org.relationcrm.feedback.FeedbackReadService;
import org.relationcrm.feedback.FeedbackSettings;
import org.relationcrm.feedback.NewComplaint;
import org.relationcrm.feedback.NoEmailConsentException;
import org.relationcrm.feedback.RiskReason;
import org.relationcrm.feedback.RootCause;
import org.relationcrm.feedback.SentSurvey;
import org.relationcrm.feedback.Severity;
import org.relationcrm.feedback.SurveyClosedException;
import org.relationcrm.feedback.SurveyKind;
import org.relationcrm.feedback.SurveyService;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.TimelineEntry;
import org.relationcrm.interaction.TimelineEventType;
import org.relationcrm.interaction.TimelineFilter;
import org.relationcrm.interaction.TimelineScope;
import org.relationcrm.pipeline.OpportunityWon;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.ForbiddenActionException;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/** The feedback services on a real PostgreSQL: timeline events, follow-ups, consent, care plan, churn reasons. */
@SpringBootTest
class FeedbackServiceTests {

    /** Ids of won deals that exist only as events here (the win's record is keyed by the deal's id). */
    private static final java.util.concurrent.atomic.AtomicLong DEAL_IDS =
            new java.util.concurrent.atomic.AtomicLong(Math.abs(System.nanoTime() % 1_000_000_000L));

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired ClientService clients;
    @Autowired UserService users;
    @Autowired ComplaintService complaints;
    @Autowired SurveyService surveys;
    @Autowired CustomerCare care;
    @Autowired FeedbackReadService reads;
    @Autowired InteractionService interactions;
    @Autowired ProductLineRepository lines;
    @Autowired org.relationcrm.catalog.ProductLineAdmin admin;
    @Autowired JdbcClient jdbc;

    Actor sales;
    Actor support;
    Actor manager;
    Company company;
    Contact consenting;
    Contact refusing;

    @BeforeEach
    void setUp() {
        sales = TestData.user(users, Role.SALES, Department.SALES).asActor();
        support = TestData.user(users, Role.SUPPORT, Department.SUPPORT).asActor();
        manager = TestData.user(users, Role.MANAGER, Department.MANAGEMENT).asActor();
        company = clients.createCompany(TestData.company(TestData.unique("Fb"), sales.userId()), sales);
        consenting = clients.addContact(company.id(), TestData.person("Anne", "Martin", "anne@example.org"));
        refusing = clients.addContact(company.id(), new ContactDetails(null, "Luc", "Noconsent", null, null,
                "luc@example.org", null, null, null, Channel.EMAIL, "en", null, null, null,
                new Consent(false, true, false, false)));
    }

    /** The complaint's version as an agent's page would show it now. */
    private long v(Complaint complaint) {
        return complaints.get(complaint.id()).version();
    }

    private List<TimelineEntry> timeline() {
        return interactions.timeline(TimelineScope.company(company.id()), TimelineFilter.none(), null).rows();
    }

    @Test
    void complaintStepsLandOnTheTimelineAndClosingSendsACsat() {
        Complaint c = complaints.open(new NewComplaint(company.id(), consenting.id(), Channel.PHONE,
                ComplaintCategory.BILLING, Severity.HIGH, "Facture en double", "Deux factures pour la commande 1042"),
                null, support);
        complaints.escalate(c.id(), v(c), 1, "Montant important, validation chef d'équipe", null, support);
        complaints.resolve(c.id(), v(c), "Avoir émis", RootCause.BILLING_ERROR, "double saisie", support);
        complaints.close(c.id(), v(c), support);

        assertThat(timeline()).extracting(TimelineEntry::eventType)
                .containsSubsequence(TimelineEventType.SURVEY_SENT, TimelineEventType.COMPLAINT_CLOSED,
                        TimelineEventType.COMPLAINT_RESOLVED, TimelineEventType.COMPLAINT_ESCALATED,
                        TimelineEventType.COMPLAINT_OPENED);
        TimelineEntry opened = timeline().getLast();
        assertThat(opened.eventArgs()).containsEntry("category", "BILLING").containsEntry("severity", "HIGH")
                .containsEntry("number", Long.toString(c.id())).containsEntry("subject", "Facture en double");
        assertThat(timeline()).filteredOn(e -> e.eventType() != null && e.eventType().name().startsWith("COMPLAINT_"))
                .as("every step names the complaint by its subject")
                .allSatisfy(e -> assertThat(e.eventArgs()).containsEntry("subject", "Facture en double"));
        assertThat(opened.subject()).as("no sentence stored").isNull();
        assertThat(opened.summary()).as("what the user typed").isEqualTo("Deux factures pour la commande 1042");
        assertThat(reads.card(company.id()).surveys()).singleElement()
                .satisfies(s -> assertThat(s.kind()).isEqualTo(SurveyKind.CSAT));
    }

    @Test
    void aMeetingPreparationShowsTheComplaintsStillOpen(@Autowired org.relationcrm.pipeline.MeetingService meetings) {
        Complaint open = complaints.open(new NewComplaint(company.id(), consenting.id(), Channel.PHONE,
                ComplaintCategory.DELIVERY, Severity.HIGH, "Palettes livrées abîmées", "Palettes livrées abîmées"), null, support);
        Complaint closed = complaints.open(new NewComplaint(company.id(), null, Channel.EMAIL,
                ComplaintCategory.BILLING, Severity.LOW, "Facture en double", "Facture en double"), null, support);
        complaints.resolve(closed.id(), v(closed), "Avoir émis", RootCause.OTHER, null, support);

        var context = meetings.context(company.id(), java.util.Set.of());

        assertThat(context.openComplaints()).extracting(k -> k.id()).containsExactly(open.id());
        assertThat(context.openComplaints().getFirst().description()).isEqualTo("Palettes livrées abîmées");
    }

    @Test
    void levelTwoEscalationsAreHandledByAManagerOnly() {
        Complaint c = complaints.open(new NewComplaint(company.id(), null, Channel.EMAIL, ComplaintCategory.SERVICE,
                Severity.CRITICAL, "Service coupé", "Service coupé"), null, support);
        complaints.escalate(c.id(), v(c), 2, "Arrêt de production chez le client", manager.userId(), support);
        assertThatThrownBy(() -> complaints.resolve(c.id(), v(c), "x", RootCause.OTHER, null, support))
                .isInstanceOf(ForbiddenActionException.class);
        complaints.resolve(c.id(), v(c), "Rétabli", RootCause.THIRD_PARTY, "hébergeur", manager);
        assertThatThrownBy(() -> complaints.open(new NewComplaint(company.id(), null, Channel.EMAIL,
                ComplaintCategory.SERVICE, Severity.LOW, "x", "x"), sales.userId(), support))
                .as("a sales rep cannot own a complaint").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLevelTwoEscalationHandsTheComplaintToTheManagerWhoMayResolveIt() {
        Complaint c = complaints.open(new NewComplaint(company.id(), null, Channel.EMAIL, ComplaintCategory.SERVICE,
                Severity.CRITICAL, "Service coupé", "Plus d'accès depuis ce matin"), null, support);
        assertThatThrownBy(() -> complaints.escalate(c.id(), v(c), 2, "Décision commerciale", null, support))
                .as("the agent would stay owner of a case only a manager may resolve")
                .isInstanceOf(org.relationcrm.shared.RuleViolation.class);
        assertThat(complaints.get(c.id()).escalationLevel()).isZero();

        complaints.escalate(c.id(), v(c), 2, "Décision commerciale", manager.userId(), support);
        assertThat(reads.complaint(c.id()).ownerName()).as("the owner the page shows")
                .isEqualTo(users.get(manager.userId()).fullName());
        assertThat(complaints.get(c.id()).mayBeHandledBy(manager)).isTrue();
        assertThat(complaints.get(c.id()).mayBeHandledBy(support)).isFalse();

        Complaint other = complaints.open(new NewComplaint(company.id(), null, Channel.EMAIL,
                ComplaintCategory.SERVICE, Severity.HIGH, "Lenteurs", "Tout est lent"), null, support);
        complaints.escalate(other.id(), v(other), 3, "Client stratégique", null, manager);
        assertThat(complaints.get(other.id()).ownerId()).as("the manager who escalates takes it")
                .isEqualTo(manager.userId());
    }

    @Test
    void takingAComplaintInHandIsNoResponseAnsweringTheClientIsAndLandsOnTheTimeline() {
        Complaint c = complaints.open(new NewComplaint(company.id(), consenting.id(), Channel.EMAIL,
                ComplaintCategory.DELIVERY, Severity.HIGH, "Colis abîmé", "Le carton est arrivé éventré"), support.userId(), sales);
        Actor colleague = TestData.user(users, Role.SUPPORT, Department.SUPPORT).asActor();
        complaints.takeInHand(c.id(), v(c), colleague);
        assertThat(complaints.get(c.id()).ownerId()).as("taking it makes it theirs").isEqualTo(colleague.userId());
        assertThat(reads.complaint(c.id()).firstResponseAt()).isNull();
        jdbc.sql("update complaint set first_response_due = now() - interval '1 minute' where id = :id")
                .param("id", c.id()).update();
        assertThat(reads.complaint(c.id()).responseBreached()).as("in progress, yet nobody answered").isTrue();

        complaints.respond(c.id(), v(c), Channel.PHONE, "Appelé Anne : remplacement expédié demain.", colleague);

        assertThat(reads.complaint(c.id()).firstResponseAt()).isNotNull();
        assertThat(reads.complaint(c.id()).responseBreached()).isFalse();
        TimelineEntry answer = timeline().getFirst();
        assertThat(answer.kind()).as("an exchange with the client, not an event").isEqualTo(
                org.relationcrm.interaction.Interaction.Kind.EXCHANGE);
        assertThat(answer.direction()).isEqualTo(org.relationcrm.interaction.Direction.OUTBOUND);
        assertThat(answer.channel()).isEqualTo(Channel.PHONE);
        assertThat(answer.subject()).isEqualTo("Colis abîmé");
        assertThat(answer.summary()).isEqualTo("Appelé Anne : remplacement expédié demain.");
        assertThat(answer.people()).extracting(p -> p.id()).containsExactly(consenting.id());
        assertThatThrownBy(() -> complaints.respond(c.id(), v(c), Channel.PHONE, "x", sales))
                .as("only those who handle complaints answer for them").isInstanceOf(ForbiddenActionException.class);
    }

    @Test
    void noEmailSurveyWithoutEmailConsentButTheLinkCanBeCopied() {
        assertThatThrownBy(() -> surveys.send(SurveyKind.NPS, refusing.id(), true, sales))
                .isInstanceOf(NoEmailConsentException.class);
        SentSurvey link = surveys.send(SurveyKind.NPS, refusing.id(), false, sales);
        assertThat(link.emailed()).isFalse();
        assertThat(link.link()).endsWith("/s/" + link.survey().token());
        assertThat(link.survey().language()).isEqualTo("en");
        assertThatThrownBy(() -> surveys.send(SurveyKind.NPS, refusing.id(), false,
                new Actor(1, Role.ADV, Department.ADV))).isInstanceOf(ForbiddenActionException.class);
    }

    @Test
    void aDetractorCreatesAFollowUpForTheOwnerInTwoWorkingDays() {
        SentSurvey sent = surveys.send(SurveyKind.NPS, consenting.id(), true, support);
        surveys.answer(sent.survey().token(), 4, "Trop de bugs");

        TimelineEntry answer = timeline().getFirst();
        assertThat(answer.eventType()).isEqualTo(TimelineEventType.SURVEY_ANSWERED);
        assertThat(answer.eventArgs()).containsEntry("survey", "NPS").containsEntry("score", "4").containsEntry("max", "10")
                .containsEntry("person", consenting.fullName());
        assertThat(answer.nextStepAction()).as("worded from the type, not stored").isNull();
        assertThat(answer.nextStepDue()).isEqualTo(FeedbackSettings.addWorkingDays(LocalDate.now(PARIS), 2));
        Long assignee = jdbc.sql("select next_step_assignee_id from interaction where id = :id")
                .param("id", answer.id()).query(Long.class).single();
        assertThat(assignee).isEqualTo(sales.userId());
        assertThatThrownBy(() -> surveys.answer(sent.survey().token(), 9, null)).isInstanceOf(SurveyClosedException.class);
    }

    @Test
    void aPromoterCreatesNoFollowUpAndAnExpiredLinkRefuses() {
        SentSurvey promoter = surveys.send(SurveyKind.NPS, consenting.id(), false, support);
        surveys.answer(promoter.survey().token(), 10, null);
        assertThat(timeline().getFirst().nextStepDue()).isNull();

        SentSurvey old = surveys.send(SurveyKind.CSAT, consenting.id(), false, support);
        jdbc.sql("update survey set expires_at = now() - interval '1 minute' where id = :id")
                .param("id", old.survey().id()).update();
        assertThat(surveys.open(old.survey().token()).refusal()).isEqualTo(
                org.relationcrm.feedback.Survey.Refusal.EXPIRED);
        assertThatThrownBy(() -> surveys.answer(old.survey().token(), 1, null)).isInstanceOf(SurveyClosedException.class);
    }

    @Test
    void aWonDealStartsTheCarePlanPlansTheNpsAndAddsTheLinesHeld() {
        ProductLine line = lines.save(new ProductLine(TestData.unique("L").replace("-", "_"), "Formation test", null));
        LocalDate wonOn = LocalDate.now(PARIS);
        OpportunityWon deal = won(consenting.id(), new BigDecimal("12000"), wonOn, Set.of(line.id()));
        care.opportunityWon(deal);
        care.opportunityWon(deal); // delivered twice (a retry): nothing more

        List<TimelineEntry> checkIns = timeline().stream()
                .filter(e -> e.eventType() == TimelineEventType.CARE_CHECK_IN).toList();
        assertThat(checkIns).extracting(e -> e.eventArgs().get("day")).containsExactlyInAnyOrder("7", "30", "90");
        assertThat(checkIns).extracting(TimelineEntry::nextStepDue)
                .containsExactlyInAnyOrder(wonOn.plusDays(7), wonOn.plusDays(30), wonOn.plusDays(90));
        assertThat(jdbc.sql("select send_on from survey where company_id = :c and trigger_kind = 'OPPORTUNITY_WON'")
                .param("c", company.id()).query(LocalDate.class).list()).containsExactly(wonOn.plusDays(30));
        assertThat(reads.card(company.id()).held()).extracting(h -> h.lineId()).contains(line.id());
    }

    @Test
    void churnScoreReasonsMatchHandComputedValues() {
        // Fixed data set: last exchange 75 days ago (15), last NPS 5 (20), one open complaint past due (20),
        // a negative exchange 75 days ago (15), won 10 000 last year vs 30 000 the year before (15), no line on
        // record (5): 90.
        jdbc.sql("""
                insert into interaction (company_id, channel, direction, occurred_at, author_id, author_department,
                                         subject, sentiment, logged_at)
                values (:c, 'PHONE', 'INBOUND', now() - interval '75 days', :u, 'SALES', 'Appel tendu', 'NEGATIVE', now())
                """).param("c", company.id()).param("u", sales.userId()).update();
        SentSurvey nps = surveys.send(SurveyKind.NPS, consenting.id(), false, sales);
        surveys.answer(nps.survey().token(), 5, null);
        Complaint late = complaints.open(new NewComplaint(company.id(), null, Channel.EMAIL, ComplaintCategory.DELIVERY,
                Severity.LOW, "Retard", "Retard"), null, support);
        jdbc.sql("update complaint set resolution_due = now() - interval '1 hour' where id = :id")
                .param("id", late.id()).update();
        long opp = Math.abs(System.nanoTime() % 1_000_000_000L);
        jdbc.sql("""
                insert into won_deal (opportunity_id, company_id, owner_id, amount, won_on) values
                    (:o, :c, :u, 10000, current_date - 100), (:o + 1, :c, :u, 30000, current_date - 500)
                """).param("o", opp).param("c", company.id()).param("u", sales.userId()).update();

        ChurnRisk risk = reads.card(company.id()).risk();
        assertThat(risk.score()).isEqualTo(90);
        assertThat(risk.reasons()).extracting(RiskReason::code, RiskReason::points, RiskReason::value)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("SILENT", 15, "75"),
                        org.assertj.core.groups.Tuple.tuple("NPS", 20, "5"),
                        org.assertj.core.groups.Tuple.tuple("BREACHED_COMPLAINT", 20, "1"),
                        org.assertj.core.groups.Tuple.tuple("NEGATIVE", 15, "1"),
                        org.assertj.core.groups.Tuple.tuple("WON_DROP", 15, "67"),
                        org.assertj.core.groups.Tuple.tuple("NO_LINE", 5, "0"));

        reads.refreshRisk();
        assertThat(reads.riskiest(sales.userId()).rows()).extracting(ChurnRisk::companyId, ChurnRisk::score)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(company.id(), 90));
        assertThat(reads.silent(sales.userId()).rows()).extracting(s -> s.companyId()).containsExactly(company.id());
    }

    @Test
    void upcomingDatesListsBirthdaysInTheNext14DaysOfTheOwnersClients() {
        LocalDate today = LocalDate.now(PARIS);
        clients.addContact(company.id(), new ContactDetails(null, "Paul", "Bientot", null, null, null, null, null, null,
                null, "fr", List.of(new org.relationcrm.client.ImportantDate("Anniversaire", today.plusDays(5).minusYears(40)),
                        new org.relationcrm.client.ImportantDate("Fête", today.plusDays(30).minusYears(1))),
                null, null, null));
        assertThat(reads.upcomingDates(sales.userId()))
                .extracting(d -> d.label(), d -> d.next())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Anniversaire", today.plusDays(5)));
    }

    @Test
    void theWhitespaceMatrixPutsTheWidestGapFirst() {
        String sector = TestData.unique("Secteur");
        Company both = clients.createCompany(new org.relationcrm.client.CompanyDetails(TestData.unique("Both"), null,
                sector, null, null, null, "Lyon", "France", null, null, org.relationcrm.client.CompanyStatus.CUSTOMER,
                sales.userId(), null), sales);
        Company one = clients.createCompany(new org.relationcrm.client.CompanyDetails(TestData.unique("One"), null,
                sector, null, null, null, "Lyon", "France", null, null, org.relationcrm.client.CompanyStatus.CUSTOMER,
                sales.userId(), null), sales);
        List<ProductLine> active = List.of(
                lines.save(new ProductLine(TestData.unique("W").replace("-", "_"), "Ligne A", null)),
                lines.save(new ProductLine(TestData.unique("W").replace("-", "_"), "Ligne B", null)),
                lines.save(new ProductLine(TestData.unique("W").replace("-", "_"), "Ligne C", null)));
        Actor adv = TestData.user(users, Role.ADV, Department.ADV).asActor();
        admin.hold(both.id(), active.get(0).id(), adv);
        admin.hold(both.id(), active.get(1).id(), adv);
        admin.hold(one.id(), active.get(0).id(), adv);

        var rows = reads.whitespace(sector, null);
        assertThat(rows).extracting(r -> r.companyId()).containsExactly(one.id(), both.id());
        // "one" lacks line 1, held by half of its peers: 50 more points of opportunity than "both"
        assertThat(rows.get(0).opportunity() - rows.get(1).opportunity()).isEqualTo(50);
        assertThat(rows.get(1).held().stream().filter(h -> h).count()).isEqualTo(2);
        assertThatThrownBy(() -> admin.hold(both.id(), active.get(2).id(), sales)).isInstanceOf(ForbiddenActionException.class);
    }

    @Test
    void theNpsPlannedAfterAWinGoesOutOnDay30() {
        LocalDate wonOn = LocalDate.now(PARIS).minusDays(30);
        care.opportunityWon(won(consenting.id(), new BigDecimal("5000"), wonOn, Set.of()));
        care.opportunityWon(won(refusing.id(), new BigDecimal("5000"), LocalDate.now(PARIS).minusDays(10), Set.of()));

        assertThat(surveys.sendPlanned()).isPositive();

        assertThat(jdbc.sql("""
                        select contact_id from survey
                        where company_id = :c and trigger_kind = 'OPPORTUNITY_WON' and sent_at is not null
                        """).param("c", company.id()).query(Long.class).list())
                .as("only the one due today, by email since she consented").containsExactly(consenting.id());
        assertThat(jdbc.sql("select sent_by_email from survey where company_id = :c and contact_id = :k")
                .param("c", company.id()).param("k", consenting.id()).query(Boolean.class).single()).isTrue();
        assertThat(timeline()).extracting(TimelineEntry::eventType).contains(TimelineEventType.SURVEY_SENT);
    }

    private OpportunityWon won(long contactId, BigDecimal amount, LocalDate wonOn, Set<Long> lines) {
        return new OpportunityWon(DEAL_IDS.incrementAndGet(), company.id(), Set.of(contactId), contactId,
                sales.userId(), "Contrat", amount, "EUR", wonOn, lines, sales);
    }
}
