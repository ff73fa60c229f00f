package org.relationcrm.feedback.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.feedback.Complaint;
import org.relationcrm.feedback.ComplaintCategory;
import org.relationcrm.feedback.ComplaintQueue;
import org.relationcrm.feedback.ComplaintRow;
import org.relationcrm.feedback.ComplaintService;
import org.relationcrm.feedback.ComplaintSort;
import org.relationcrm.feedback.NewComplaint;
import org.relationcrm.feedback.Severity;
import org.relationcrm.feedback.internal.FeedbackQueries;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.Slice;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * The complaint queue sorted by each of its columns, both ways, in SQL: the order is the column's (codes in their
 * business order, names without case or accents), and paging by keyset gives the same rows as one long page.
 */
@SpringBootTest
class ComplaintQueueSortTests {

    @Autowired ClientService clients;
    @Autowired UserService users;
    @Autowired ComplaintService complaints;
    @Autowired FeedbackQueries queries;
    @Autowired JdbcClient jdbc;

    Actor agent;
    Actor manager;
    Set<Long> mine;

    @BeforeEach
    void setUp() {
        String tag = TestData.unique("q");
        agent = users.create(TestData.unique("zoe"), "a-long-password", "Zoé Vidal " + tag, Role.SUPPORT,
                Department.SUPPORT).asActor();
        manager = users.create(TestData.unique("albert"), "a-long-password", "albert Brun " + tag, Role.MANAGER,
                Department.MANAGEMENT).asActor();
        Company zebre = clients.createCompany(TestData.company("Zèbre Transports " + tag, agent.userId()), manager);
        Company alpha = clients.createCompany(TestData.company("alpha Conseil " + tag, agent.userId()), manager);
        Company ecluse = clients.createCompany(TestData.company("Écluse Industrie " + tag, agent.userId()), manager);
        List<Complaint> opened = List.of(
                open(zebre, ComplaintCategory.BILLING, Severity.LOW, "Facture en double"),
                open(alpha, ComplaintCategory.PRODUCT, Severity.CRITICAL, "écran noir"),
                open(ecluse, ComplaintCategory.DELIVERY, Severity.HIGH, "Colis abîmé"),
                open(alpha, ComplaintCategory.OTHER, Severity.MEDIUM, "Zéro rappel"),
                open(zebre, ComplaintCategory.SERVICE, Severity.HIGH, "Attente au téléphone"),
                open(ecluse, ComplaintCategory.DELIVERY, Severity.LOW, "Bon de livraison faux"));
        mine = opened.stream().map(Complaint::id).collect(Collectors.toSet());
        Complaint taken = opened.get(1);
        complaints.takeInHand(taken.id(), complaints.get(taken.id()).version(), agent);
        Complaint answered = opened.get(2);
        complaints.respond(answered.id(), complaints.get(answered.id()).version(), Channel.PHONE, "Rappelé", agent);
        Complaint escalated = opened.get(3);
        complaints.escalate(escalated.id(), complaints.get(escalated.id()).version(), 2, "Décision", manager.userId(),
                agent);
        Complaint levelOne = opened.get(4);
        complaints.escalate(levelOne.id(), complaints.get(levelOne.id()).version(), 1, "Avis", null, agent);
        // due dates apart from one another, as days of work would leave them
        int hours = 0;
        for (Complaint c : opened) {
            jdbc.sql("""
                    update complaint set first_response_due = now() + make_interval(hours => :h),
                                         resolution_due = now() + make_interval(hours => 100 - :h)
                    where id = :id""").param("h", hours += 7).param("id", c.id()).update();
        }
    }

    private Complaint open(Company company, ComplaintCategory category, Severity severity, String subject) {
        return complaints.open(new NewComplaint(company.id(), null, Channel.EMAIL, category, severity, subject,
                "Description : " + subject), agent.userId(), agent);
    }

    @Test
    void eachColumnSortsBothWaysAndPagesByKeysetWithoutLosingOrRepeatingARow() {
        for (ComplaintSort.Key key : ComplaintSort.Key.values()) {
            for (ComplaintSort.Dir dir : ComplaintSort.Dir.values()) {
                ComplaintSort sort = new ComplaintSort(key, dir);
                List<ComplaintRow> onePage = queries.queue(ComplaintQueue.ALL, 0, sort, null, 1_000).rows();
                List<ComplaintRow> ours = onePage.stream().filter(r -> mine.contains(r.id())).toList();
                assertThat(ours).as("our six complaints, sorted by %s", sort).hasSize(6);
                Comparator<ComplaintRow> expected = comparator(key);
                if (sort.descending()) {
                    expected = expected.reversed();
                }
                assertThat(ours).as("sorted by %s", sort).isSortedAccordingTo(expected);

                List<Long> paged = new ArrayList<>();
                String after = null;
                do {
                    Slice<ComplaintRow, String> page = queries.queue(ComplaintQueue.ALL, 0, sort, after, 4);
                    page.rows().forEach(r -> paged.add(r.id()));
                    after = page.next();
                } while (after != null);
                assertThat(paged).as("pages of 4 by %s", sort).isEqualTo(onePage.stream().map(ComplaintRow::id).toList());
            }
        }
    }

    @Test
    void theSortsOrderIsTheBusinessOrderOfEachColumn() {
        assertThat(subjects(new ComplaintSort(ComplaintSort.Key.SEVERITY, ComplaintSort.Dir.DESC)))
                .as("most severe first").startsWith("écran noir");
        assertThat(subjects(new ComplaintSort(ComplaintSort.Key.SUBJECT, ComplaintSort.Dir.ASC)))
                .as("no case, no accents").containsExactly("Attente au téléphone", "Bon de livraison faux",
                        "Colis abîmé", "écran noir", "Facture en double", "Zéro rappel");
        assertThat(subjects(new ComplaintSort(ComplaintSort.Key.FIRST_RESPONSE, ComplaintSort.Dir.ASC)))
                .as("waiting for an answer first, the answered one last").endsWith("Colis abîmé");
        assertThat(subjects(new ComplaintSort(ComplaintSort.Key.ESCALATION, ComplaintSort.Dir.DESC)))
                .startsWith("Zéro rappel", "Attente au téléphone");
        assertThat(subjects(ComplaintSort.DEFAULT)).as("nearest resolution due date first")
                .containsExactly("Bon de livraison faux", "Attente au téléphone", "Zéro rappel", "Colis abîmé",
                        "écran noir", "Facture en double");
    }

    @Test
    void aCursorIsTheNumberOfTheLastComplaintShownAndNothingElse() {
        for (String bad : List.of("garbage", "0", "-3", "1_2", "99999999999999999999", "1 or 1=1")) {
            assertThatThrownBy(() -> queries.queue(ComplaintQueue.ALL, 0, ComplaintSort.DEFAULT, bad, 4))
                    .as(bad).hasMessageContaining("invalid page cursor");
        }
    }

    private List<String> subjects(ComplaintSort sort) {
        return queries.queue(ComplaintQueue.ALL, 0, sort, null, 1_000).rows().stream()
                .filter(r -> mine.contains(r.id())).map(ComplaintRow::subject).toList();
    }

    /** What the column shows, in the order a reader expects; ties by number. */
    private static Comparator<ComplaintRow> comparator(ComplaintSort.Key key) {
        Comparator<ComplaintRow> byColumn = switch (key) {
            case CLIENT -> Comparator.comparing(r -> fold(r.companyName()));
            case SUBJECT -> Comparator.comparing(r -> fold(r.subject()));
            case CATEGORY -> Comparator.comparing(ComplaintRow::category);
            case SEVERITY -> Comparator.comparing(ComplaintRow::severity);
            case STATUS -> Comparator.comparing(ComplaintRow::status);
            case OWNER -> Comparator.comparing(r -> fold(r.ownerName()));
            case FIRST_RESPONSE -> Comparator.<ComplaintRow, Boolean>comparing(r -> r.firstResponseAt() != null)
                    .thenComparing(ComplaintRow::firstResponseDue);
            case RESOLUTION -> Comparator.comparing(ComplaintRow::resolutionDue);
            case ESCALATION -> Comparator.comparingInt(ComplaintRow::escalationLevel);
        };
        return byColumn.thenComparingLong(ComplaintRow::id);
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
