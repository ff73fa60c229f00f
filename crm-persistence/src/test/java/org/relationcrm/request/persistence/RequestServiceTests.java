package org.relationcrm.request.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.feedback.Complaint;
import org.relationcrm.feedback.ComplaintCategory;
import org.relationcrm.feedback.ComplaintService;
import org.relationcrm.feedback.NewComplaint;
import org.relationcrm.feedback.Severity;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.TimelineEntry;
import org.relationcrm.interaction.TimelineEventType;
import org.relationcrm.interaction.TimelineFilter;
import org.relationcrm.interaction.TimelineScope;
import org.relationcrm.request.DepartmentFigures;
import org.relationcrm.request.NewRequest;
import org.relationcrm.request.Request;
import org.relationcrm.request.RequestKind;
import org.relationcrm.request.RequestReadService;
import org.relationcrm.request.RequestRow;
import org.relationcrm.request.RequestService;
import org.relationcrm.request.RequestStatus;
import org.relationcrm.request.RequestSubject;
import org.relationcrm.request.ServiceLevel;
import org.relationcrm.request.ServiceLevels;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.Slice;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/** Requests on a real PostgreSQL: the timeline, the queues with their keyset, the levels, the manager's figures. */
@SpringBootTest
class RequestServiceTests {

    @Autowired ClientService clients;
    @Autowired UserService users;
    @Autowired ComplaintService complaints;
    @Autowired RequestService requests;
    @Autowired RequestReadService reads;
    @Autowired ServiceLevels levels;
    @Autowired InteractionService interactions;
    @Autowired JdbcClient jdbc;

    Actor sales;
    Actor support;
    Actor adv;
    Actor admin;
    Company company;

    @BeforeEach
    void setUp() {
        sales = TestData.user(users, Role.SALES, Department.SALES).asActor();
        support = TestData.user(users, Role.SUPPORT, Department.SUPPORT).asActor();
        adv = TestData.user(users, Role.ADV, Department.ADV).asActor();
        admin = TestData.user(users, Role.ADMIN, Department.MANAGEMENT).asActor();
        company = clients.createCompany(TestData.company(TestData.unique("Rq"), sales.userId()), sales);
    }

    private NewRequest creditNote(Long complaintId) {
        return new NewRequest(company.id(), complaintId == null ? null : RequestSubject.COMPLAINT, complaintId,
                Department.ADV, null, RequestKind.CREDIT_NOTE, "Avoir de 120 € sur la facture F-12", null);
    }

    private long v(Request r) {
        return requests.get(r.id()).version();
    }

    private List<TimelineEntry> timeline() {
        return interactions.timeline(TimelineScope.company(company.id()), TimelineFilter.none(), null).rows();
    }

    @Test
    void aCreditNoteAboutAComplaintGoesFromSupportToAdvAndBackWithItsStepsOnTheTimeline() {
        Complaint complaint = complaints.open(new NewComplaint(company.id(), null, Channel.PHONE,
                ComplaintCategory.BILLING, Severity.HIGH, "Facture en double", "Deux factures"), null, support);
        Request r = requests.send(creditNote(complaint.id()), support);
        assertThat(r.targetHours()).as("the seeded level of a credit note").isEqualTo(16);
        assertThat(reads.queue(adv, null).rows()).extracting(RequestRow::id).contains(r.id());
        assertThat(reads.queue(sales, null).rows()).extracting(RequestRow::id).doesNotContain(r.id());

        requests.accept(r.id(), v(r), adv);
        requests.askForInformation(r.id(), v(r), "Quel numéro de facture ?", adv);
        assertThat(reads.waitingOn(support.userId())).extracting(RequestRow::id).containsExactly(r.id());
        assertThat(reads.queue(adv, null).rows()).extracting(RequestRow::id).doesNotContain(r.id());
        requests.giveInformation(r.id(), v(r), "F-12", support);
        assertThat(requests.get(r.id()).status()).isEqualTo(RequestStatus.ACCEPTED);
        requests.complete(r.id(), v(r), "Avoir AV-3 de 120 € émis", adv);
        requests.rate(r.id(), v(r), true, null, support);

        assertThat(timeline()).extracting(TimelineEntry::eventType).containsSubsequence(
                TimelineEventType.REQUEST_DONE, TimelineEventType.REQUEST_INFORMATION_ASKED,
                TimelineEventType.REQUEST_SENT, TimelineEventType.COMPLAINT_OPENED);
        TimelineEntry sent = timeline().stream().filter(e -> e.eventType() == TimelineEventType.REQUEST_SENT)
                .findFirst().orElseThrow();
        assertThat(sent.eventArgs()).containsEntry("requester", "SUPPORT").containsEntry("receiver", "ADV")
                .containsEntry("requestKind", "CREDIT_NOTE");
        TimelineEntry done = timeline().getFirst();
        assertThat(done.eventArgs()).containsEntry("answerer", "ADV").containsEntry("asker", "SUPPORT")
                .containsKey("hours");
        RequestRow row = reads.request(r.id());
        assertThat(row.subjectPath()).isEqualTo("/complaints/" + complaint.id());
        assertThat(row.useful()).isTrue();
        assertThat(reads.waitingOn(support.userId())).isEmpty();
    }

    @Test
    void aDealOrComplaintOfAnotherClientIsRefused() {
        Company other = clients.createCompany(TestData.company(TestData.unique("Rq"), sales.userId()), sales);
        Complaint elsewhere = complaints.open(new NewComplaint(other.id(), null, Channel.PHONE,
                ComplaintCategory.BILLING, Severity.LOW, "Ailleurs", "Ailleurs"), null, support);
        assertThatThrownBy(() -> requests.send(creditNote(elsewhere.id()), support))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRequestGoesToSomeoneWhoAnswersRequestsInTheDepartmentAddressed() {
        assertThatThrownBy(() -> requests.send(new NewRequest(company.id(), null, null, Department.MANAGEMENT,
                admin.userId(), RequestKind.QUESTION, "Une question", null), support))
                .isInstanceOfSatisfying(org.relationcrm.shared.RuleViolation.class, v -> assertThat(v.broken())
                        .extracting(org.relationcrm.shared.RuleViolation.Broken::field).containsExactly("toUserId"));
        assertThatThrownBy(() -> requests.send(new NewRequest(company.id(), null, null, Department.SALES,
                adv.userId(), RequestKind.QUESTION, "Une question", null), support))
                .isInstanceOfSatisfying(org.relationcrm.shared.RuleViolation.class, v -> assertThat(v.broken())
                        .extracting(org.relationcrm.shared.RuleViolation.Broken::field).containsExactly("toUserId"));
        Request toHugo = requests.send(new NewRequest(company.id(), null, null, Department.ADV, adv.userId(),
                RequestKind.QUESTION, "Une question", null), support);
        assertThat(reads.queue(adv, null).rows()).extracting(RequestRow::id).contains(toHugo.id());
    }

    @Test
    void aStaleVersionChangesNothing() {
        Request r = requests.send(creditNote(null), support);
        requests.accept(r.id(), r.version(), adv);
        assertThatThrownBy(() -> requests.decline(r.id(), r.version(), "non", adv))
                .isInstanceOf(StaleEditException.class);
        assertThat(requests.get(r.id()).status()).isEqualTo(RequestStatus.ACCEPTED);
    }

    @Test
    void theQueueShowsTheNearestDueFirstPageByPage() {
        Request slow = requests.send(new NewRequest(company.id(), null, null, Department.ADV, null,
                RequestKind.OTHER, "Plus tard", null), support);
        Request fast = requests.send(new NewRequest(company.id(), null, null, Department.ADV, null,
                RequestKind.QUESTION, "Vite", null), support);
        jdbc.sql("update request set due_at = now() - interval '1 hour' where id = :id").param("id", fast.id()).update();
        List<Long> all = new java.util.ArrayList<>();
        Long after = null;
        do {
            Slice<RequestRow, Long> page = reads.queue(adv, after);
            page.rows().forEach(row -> all.add(row.id()));
            after = page.next();
        } while (after != null);
        assertThat(all).containsSubsequence(fast.id(), slow.id());
        assertThat(reads.request(fast.id()).overdue()).isTrue();
        assertThat(reads.request(slow.id()).overdue()).isFalse();
        assertThat(reads.sentBy(support.userId(), null).rows()).extracting(RequestRow::id)
                .containsSubsequence(fast.id(), slow.id());
    }

    @Test
    void anAdministratorChangesALevelOnTheVersionTheySaw() {
        ServiceLevel question = levels.all().stream()
                .filter(l -> l.kind() == RequestKind.TECHNICAL_HELP && l.department() == Department.MARKETING)
                .findFirst().orElseThrow();
        Map<Long, Integer> hours = new HashMap<>(Map.of(question.id(), 12));
        levels.change(hours, Map.of(question.id(), question.version()), admin);
        assertThat(levels.targetHours(RequestKind.TECHNICAL_HELP, Department.MARKETING)).isEqualTo(12);
        assertThatThrownBy(() -> levels.change(Map.of(question.id(), 10), Map.of(question.id(), question.version()),
                admin)).isInstanceOf(StaleEditException.class);
        assertThatThrownBy(() -> levels.change(Map.of(question.id(), 10), Map.of(question.id(), question.version()),
                support)).isInstanceOf(org.relationcrm.shared.ForbiddenActionException.class);
        assertThat(levels.all()).hasSize(RequestKind.values().length * Department.values().length);
    }

    @Test
    void theManagersFiguresAreAddedUpByPostgresql() {
        Actor marketer = TestData.user(users, Role.SALES, Department.MARKETING).asActor();
        long[] minutes = {60, 120, 300};
        boolean[] within = {true, true, false};
        for (int i = 0; i < 3; i++) {
            Request r = requests.send(new NewRequest(company.id(), null, null, Department.MARKETING, null,
                    RequestKind.CLIENT_INFORMATION, "Plaquette " + i, null), support);
            requests.complete(r.id(), v(r), "Envoyée", marketer);
            jdbc.sql("update request set first_answer_minutes = :m, within_level = :w where id = :id")
                    .param("m", minutes[i]).param("w", within[i]).param("id", r.id()).update();
            if (i < 2) {
                requests.rate(r.id(), v(r), i == 0, i == 0 ? null : "Pas la bonne version", support);
            }
        }
        Request open = requests.send(new NewRequest(company.id(), null, null, Department.MARKETING, null,
                RequestKind.QUESTION, "Encore ouverte", null), support);

        DepartmentFigures marketing = reads.figures().departments().stream()
                .filter(f -> f.department() == Department.MARKETING).findFirst().orElseThrow();
        assertThat(marketing.received()).isEqualTo(4);
        assertThat(marketing.answered()).isEqualTo(3);
        assertThat(marketing.open()).isEqualTo(1);
        assertThat(marketing.medianHoursToAnswer()).isEqualTo(2.0);
        assertThat(marketing.withinLevelShare()).isCloseTo(2 / 3.0, org.assertj.core.data.Offset.offset(0.001));
        assertThat(marketing.rated()).isEqualTo(2);
        assertThat(marketing.usefulShare()).isEqualTo(0.5);
        assertThat(reads.figures().oldestOpen()).extracting(RequestRow::id).contains(open.id());
    }
}
