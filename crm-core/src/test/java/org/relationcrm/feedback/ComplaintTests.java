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
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;

class ComplaintTests {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final Actor SUPPORT = new Actor(7, Role.SUPPORT, Department.SUPPORT);
    static final FeedbackSettings SLA = FeedbackSettings.defaults();

    static Complaint open(Severity severity) {
        return Complaint.open(new NewComplaint(1, null, Channel.PHONE, ComplaintCategory.DELIVERY, severity,
                "Livraison en retard de trois semaines"), 7, SUPPORT, NOW, SLA);
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
        assertThatThrownBy(() -> complaint.escalate(1, "  ", SUPPORT, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> complaint.escalate(1, null, SUPPORT, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThat(complaint.escalationLevel()).isZero();
        complaint.escalate(2, "Client menace de résilier, décision commerciale nécessaire", SUPPORT, NOW);
        assertThat(complaint.escalationLevel()).isEqualTo(2);
        assertThat(complaint.needsManager()).isTrue();
        assertThatThrownBy(() -> complaint.escalate(1, "moins", SUPPORT, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> complaint.escalate(4, "trop", SUPPORT, NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resolutionKeepsWhatWasDoneTheRootCauseAndTheTimeItTook() {
        Complaint complaint = open(Severity.MEDIUM);
        complaint.startHandling(NOW.plus(Duration.ofHours(1)));
        assertThat(complaint.firstResponseAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
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
