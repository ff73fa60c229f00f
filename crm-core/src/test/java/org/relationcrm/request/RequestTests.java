package org.relationcrm.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import org.relationcrm.shared.Department;
import org.relationcrm.shared.ForbiddenActionException;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;

class RequestTests {

    final WorkingHours hours = new WorkingHours(ZoneId.of("Europe/Paris"));
    final Actor support = new Actor(1, Role.SUPPORT, Department.SUPPORT);
    final Actor adv = new Actor(2, Role.ADV, Department.ADV);
    final Actor sales = new Actor(3, Role.SALES, Department.SALES);
    // Wednesday 2 December 2026, 10:00 in Paris
    final Instant sent = WorkingHoursTests.at("2026-12-02T10:00");

    Request creditNote() {
        return Request.open(new NewRequest(10, RequestSubject.COMPLAINT, 5L, Department.ADV, null,
                RequestKind.CREDIT_NOTE, "Avoir de 120 € sur la facture F-12", null), null, support, sent, 8, hours);
    }

    @Test
    void aNewRequestIsDueAfterItsServiceLevelInWorkingHours() {
        Request r = creditNote();
        assertThat(r.status()).isEqualTo(RequestStatus.NEW);
        assertThat(r.fromDepartment()).isEqualTo(Department.SUPPORT);
        // 10:00 + 8 h: the 8 h left on Wednesday, closing time
        assertThat(r.dueAt()).isEqualTo(WorkingHoursTests.at("2026-12-02T18:00"));
        assertThat(r.overdue(WorkingHoursTests.at("2026-12-02T17:59"))).isFalse();
        assertThat(r.overdue(WorkingHoursTests.at("2026-12-02T18:01"))).isTrue();
    }

    @Test
    void whatIsNeededIsRequiredAndThePersonMustWorkInTheDepartment() {
        assertThatThrownBy(() -> Request.open(new NewRequest(10, null, null, Department.ADV, 7L,
                RequestKind.QUESTION, " ", null), Department.SALES, support, sent, 8, hours))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.broken())
                        .extracting(RuleViolation.Broken::field).containsExactlyInAnyOrder("needed", "toUserId"));
    }

    @Test
    void theReceivingDepartmentAcceptsAndAnswersWithinTheLevel() {
        Request r = creditNote();
        r.accept(adv, sent.plusSeconds(600));
        assertThat(r.status()).isEqualTo(RequestStatus.ACCEPTED);
        assertThat(r.firstAnswerAt()).as("accepting is no answer").isNull();
        r.complete("Avoir AV-3 émis", adv, WorkingHoursTests.at("2026-12-02T13:00"), hours);
        assertThat(r.status()).isEqualTo(RequestStatus.DONE);
        assertThat(r.firstAnswerMinutes()).isEqualTo(180);
        assertThat(r.hoursToFirstAnswer()).isEqualTo(3);
        assertThat(r.withinLevel()).isTrue();
    }

    @Test
    void onlyTheReceivingDepartmentOrThePersonAddressedHandlesIt() {
        Request r = creditNote();
        assertThatThrownBy(() -> r.accept(sales, sent)).isInstanceOf(ForbiddenActionException.class);
        Request toSales = Request.open(new NewRequest(10, null, null, Department.SALES, 3L, RequestKind.QUESTION,
                "Le client a-t-il signé ?", null), Department.SALES, support, sent, 4, hours);
        assertThat(toSales.mayBeHandledBy(sales)).isTrue();
        assertThat(toSales.mayBeHandledBy(adv)).isFalse();
    }

    @Test
    void aQuestionBackIsTheFirstAnswerAndTheReplyReturnsItToTheQueue() {
        Request r = creditNote();
        r.accept(adv, sent);
        // answered the next Monday: late
        r.askForInformation("Quel numéro de facture ?", adv, WorkingHoursTests.at("2026-12-07T10:00"), hours);
        assertThat(r.status()).isEqualTo(RequestStatus.NEEDS_INFORMATION);
        assertThat(r.withinLevel()).isFalse();
        assertThatThrownBy(() -> r.giveInformation("F-12", adv)).isInstanceOf(ForbiddenActionException.class);
        r.giveInformation("F-12", support);
        assertThat(r.status()).as("back with its handler").isEqualTo(RequestStatus.ACCEPTED);
        r.complete("Fait", adv, WorkingHoursTests.at("2026-12-07T11:00"), hours);
        assertThat(r.firstAnswerAt()).as("the first answer stays").isEqualTo(WorkingHoursTests.at("2026-12-07T10:00"));
    }

    @Test
    void aDeclineNeedsAReason() {
        Request r = creditNote();
        assertThatThrownBy(() -> r.decline("", adv, sent, hours)).isInstanceOf(RuleViolation.class);
        r.decline("Hors délai contractuel", adv, sent.plusSeconds(60), hours);
        assertThat(r.status()).isEqualTo(RequestStatus.DECLINED);
        assertThatThrownBy(() -> r.complete("x", adv, sent, hours)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theRequesterRatesADoneRequestOnceAndSaysWhyWhenNotUseful() {
        Request r = creditNote();
        assertThatThrownBy(() -> r.rate(true, null, support, sent)).isInstanceOf(IllegalStateException.class);
        r.complete("Avoir émis", adv, sent.plusSeconds(3600), hours);
        assertThatThrownBy(() -> r.rate(true, null, adv, sent)).isInstanceOf(ForbiddenActionException.class);
        assertThatThrownBy(() -> r.rate(false, " ", support, sent)).isInstanceOf(RuleViolation.class);
        r.rate(true, null, support, sent.plusSeconds(7200));
        assertThat(r.useful()).isTrue();
        assertThatThrownBy(() -> r.rate(false, "finalement non", support, sent))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAdministratorSendsNoRequest() {
        Actor admin = new Actor(9, Role.ADMIN, Department.MANAGEMENT);
        assertThatThrownBy(() -> Request.open(new NewRequest(10, null, null, Department.ADV, null,
                RequestKind.OTHER, "x", null), null, admin, sent, 8, hours))
                .isInstanceOf(ForbiddenActionException.class);
    }
}
