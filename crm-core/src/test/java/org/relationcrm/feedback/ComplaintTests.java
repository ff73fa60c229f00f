package org.relationcrm.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.ForbiddenActionException;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;

class ComplaintTests {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final Actor SUPPORT = new Actor(7, Role.SUPPORT, Department.SUPPORT);
    static final FeedbackSettings SLA = FeedbackSettings.defaults();

    static final Actor OTHER_AGENT = new Actor(8, Role.SUPPORT, Department.SUPPORT);
    static final Actor MANAGER = new Actor(9, Role.MANAGER, Department.MANAGEMENT);

    static Complaint open(Severity severity) {
        return Complaint.open(new NewComplaint(1, null, Channel.PHONE, ComplaintCategory.DELIVERY, severity,
                "Colis en retard", "Livraison en retard de trois semaines"), 7, SUPPORT, NOW, SLA);
    }

    @Test
    void dueDatesFollowTheSlaOfTheSeverityFromTheMomentItIsOpened() {
        assertThat(open(Severity.CRITICAL).firstResponseDue()).isEqualTo(NOW.plus(Duration.ofHours(4)));
        assertThat(open(Severity.CRITICAL).resolutionDue()).isEqualTo(NOW.plus(Duration.ofDays(1)));
        assertThat(open(Severity.HIGH).firstResponseDue()).isEqualTo(NOW.plus(Duration.ofHours(8)));
        assertThat(open(Severity.HIGH).resolutionDue()).isEqualTo(NOW.plus(Duration.ofDays(2)));
        assertThat(open(Severity.MEDIUM).firstResponseDue()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(open(Severity.MEDIUM).resolutionDue()).isEqualTo(NOW.plus(Duration.ofDays(5)));
        assertThat(open(Severity.LOW).firstResponseDue()).isEqualTo(NOW.plus(Duration.ofHours(48)));
        assertThat(open(Severity.LOW).resolutionDue()).isEqualTo(NOW.plus(Duration.ofDays(10)));
    }

    @Test
    void slaSettingsAreReadFromMostToLeastSevere() {
        FeedbackSettings custom = new FeedbackSettings(List.of(1, 2, 3, 4), List.of(5, 6, 7, 8), 60, List.of(7), 30, 30);
        assertThat(custom.firstResponse(Severity.CRITICAL)).isEqualTo(Duration.ofHours(1));
        assertThat(custom.resolution(Severity.LOW)).isEqualTo(Duration.ofDays(8));
    }

    @Test
    void escalationRequiresAReasonAndOnlyGoesUp() {
        Complaint complaint = open(Severity.HIGH);
        assertThatThrownBy(() -> complaint.escalate(1, "  ", 7, Role.SUPPORT, SUPPORT, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> complaint.escalate(1, null, 7, Role.SUPPORT, SUPPORT, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThat(complaint.escalationLevel()).isZero();
        complaint.escalate(2, "Client menace de résilier, décision commerciale nécessaire", 9, Role.MANAGER, SUPPORT, NOW);
        assertThat(complaint.escalationLevel()).isEqualTo(2);
        assertThat(complaint.needsManager()).isTrue();
        assertThatThrownBy(() -> complaint.escalate(1, "moins", 9, Role.MANAGER, MANAGER, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> complaint.escalate(4, "trop", 9, Role.MANAGER, MANAGER, NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLevelTwoEscalationPassesTheComplaintToAManagerWhoAloneMayHandleIt() {
        Complaint complaint = open(Severity.HIGH);
        assertThat(complaint.mayBeHandledBy(SUPPORT)).isTrue();

        assertThatThrownBy(() -> complaint.escalate(2, "Décision commerciale", 7, Role.SUPPORT, SUPPORT, NOW))
                .as("the agent cannot keep it at level 2").isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).broken()).singleElement()
                        .satisfies(b -> assertThat(b.field()).isEqualTo("ownerId")));
        assertThat(complaint.escalationLevel()).isZero();
        assertThat(complaint.ownerId()).isEqualTo(7);

        complaint.escalate(2, "Décision commerciale", 9, Role.MANAGER, SUPPORT, NOW);
        assertThat(complaint.ownerId()).as("the owner shown is the one who may resolve").isEqualTo(9);
        assertThat(complaint.mayBeHandledBy(SUPPORT)).isFalse();
        assertThat(complaint.mayBeHandledBy(MANAGER)).isTrue();
        assertThatThrownBy(() -> complaint.takeInHand(SUPPORT)).isInstanceOf(ForbiddenActionException.class);
    }

    @Test
    void aLevelOneEscalationKeepsOrHandsOnToAnyHandler() {
        Complaint complaint = open(Severity.HIGH);
        complaint.escalate(1, "Avis du chef d'équipe", 7, Role.SUPPORT, SUPPORT, NOW);
        assertThat(complaint.ownerId()).isEqualTo(7);
        assertThatThrownBy(() -> complaint.escalate(3, "Direction", 12, Role.SALES, SUPPORT, NOW))
                .as("a sales rep does not handle complaints").isInstanceOf(IllegalArgumentException.class);
        assertThat(complaint.escalationLevel()).isEqualTo(1);
    }

    @Test
    void takingAComplaintInHandMakesTheTakerItsOwnerButIsNoResponseToTheClient() {
        Complaint complaint = open(Severity.MEDIUM);
        complaint.takeInHand(OTHER_AGENT);
        assertThat(complaint.status()).isEqualTo(ComplaintStatus.IN_PROGRESS);
        assertThat(complaint.ownerId()).isEqualTo(8);
        assertThat(complaint.firstResponseAt()).as("taking it in hand tells the client nothing").isNull();
        assertThat(complaint.firstResponseBreached(NOW.plus(Duration.ofHours(25)))).isTrue();
        assertThatThrownBy(() -> complaint.takeInHand(SUPPORT)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theFirstResponseIsTheFirstAnswerGivenToTheClient() {
        Complaint complaint = open(Severity.MEDIUM);
        complaint.respond(NOW.plus(Duration.ofHours(2)));
        assertThat(complaint.firstResponseAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(complaint.status()).as("answering the client starts the handling").isEqualTo(ComplaintStatus.IN_PROGRESS);
        assertThat(complaint.ownerId()).as("the owner stays").isEqualTo(7);
        complaint.respond(NOW.plus(Duration.ofHours(5)));
        assertThat(complaint.firstResponseAt()).as("later answers leave the first one").isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(complaint.firstResponseBreached(NOW.plus(Duration.ofHours(30)))).isFalse();
        complaint.resolve("Relivré", RootCause.DELAY, null, NOW.plus(Duration.ofHours(6)));
        assertThatThrownBy(() -> complaint.respond(NOW.plus(Duration.ofHours(7)))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void resolvingWithoutAnyAnswerRecordsNoFirstResponse() {
        Complaint complaint = open(Severity.LOW);
        complaint.resolve("Corrigé de notre côté", RootCause.PROCESS, null, NOW.plus(Duration.ofHours(3)));
        assertThat(complaint.firstResponseAt()).isNull();
    }

    @Test
    void aComplaintHasARequiredSubjectOfLimitedLength() {
        assertThat(open(Severity.LOW).subject()).isEqualTo("Colis en retard");
        assertThatThrownBy(() -> Complaint.open(new NewComplaint(1, null, Channel.PHONE, ComplaintCategory.DELIVERY,
                Severity.LOW, "  ", "texte"), 7, SUPPORT, NOW, SLA)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> Complaint.open(new NewComplaint(1, null, Channel.PHONE, ComplaintCategory.DELIVERY,
                Severity.LOW, "x".repeat(Complaint.MAX_SUBJECT + 1), "texte"), 7, SUPPORT, NOW, SLA))
                .isInstanceOf(RuleViolation.class);
        assertThat(Complaint.open(new NewComplaint(1, null, Channel.PHONE, ComplaintCategory.DELIVERY, Severity.LOW,
                "  " + "x".repeat(Complaint.MAX_SUBJECT) + " ", "texte"), 7, SUPPORT, NOW, SLA).subject())
                .hasSize(Complaint.MAX_SUBJECT);
    }

    @Test
    void resolutionKeepsWhatWasDoneTheRootCauseAndTheTimeItTook() {
        Complaint complaint = open(Severity.MEDIUM);
        complaint.takeInHand(SUPPORT);
        complaint.resolve("Relivraison express offerte", RootCause.DELAY, "transporteur", NOW.plus(Duration.ofHours(30)));
        assertThat(complaint.status()).isEqualTo(ComplaintStatus.RESOLVED);
        assertThat(complaint.resolutionMinutes()).isEqualTo(30 * 60);
        assertThat(complaint.rootCause()).isEqualTo(RootCause.DELAY);
        complaint.close(NOW.plus(Duration.ofHours(31)));
        complaint.reopen();
        assertThat(complaint.status()).isEqualTo(ComplaintStatus.IN_PROGRESS);
        assertThatThrownBy(() -> complaint.close(NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aResolutionNeedsARootCause() {
        assertThatThrownBy(() -> open(Severity.LOW).resolve("fait", null, null, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workingDaysSkipTheWeekEnd() {
        assertThat(FeedbackSettings.addWorkingDays(LocalDate.of(2026, 3, 5), 2)).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(FeedbackSettings.addWorkingDays(LocalDate.of(2026, 3, 2), 2)).isEqualTo(LocalDate.of(2026, 3, 4));
    }
}
