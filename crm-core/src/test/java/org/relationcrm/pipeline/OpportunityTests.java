package org.relationcrm.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import org.relationcrm.shared.Department;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;

class OpportunityTests {

    static final PipelineSettings SETTINGS = PipelineSettings.defaults();
    static final Actor REP = new Actor(7, Role.SALES, Department.SALES);
    static final Actor OTHER_REP = new Actor(8, Role.SALES, Department.SALES);
    static final Actor MANAGER = new Actor(9, Role.MANAGER, Department.MANAGEMENT);
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final NextStepPlan CALL = new NextStepPlan("Rappeler l'acheteuse", LocalDate.of(2026, 3, 5));

    static OpportunityDetails details(String amount) {
        return new OpportunityDetails("Renouvellement parc", new BigDecimal(amount), null, null,
                LocalDate.of(2026, 6, 30), REP.userId(), OpportunitySource.REFERRAL, Set.of(), Set.of());
    }

    static Opportunity deal() {
        return Opportunity.open(1, Stage.PROSPECTING, details("20000"), CALL, REP, T0, SETTINGS);
    }

    /** The rules an action breaks, as "field: message code". */
    static List<String> broken(ThrowingCallable action) {
        return catchThrowableOfType(RuleViolation.class, action).broken().stream()
                .map(b -> b.field() + ": " + b.code()).toList();
    }

    @Test
    void aNewDealNeedsANextStepWithADueDate() {
        assertThat(broken(() -> Opportunity.open(1, Stage.PROSPECTING, details("100"), null, REP, T0, SETTINGS)))
                .containsExactly("nextStepAction: opportunity.nextStep.required",
                        "nextStepDue: interaction.nextStep.dueRequired");
        assertThatThrownBy(() -> Opportunity.open(1, Stage.PROSPECTING, details("100"),
                new NextStepPlan("Rappeler", null), REP, T0, SETTINGS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Opportunity.open(1, Stage.PROSPECTING, details("100"),
                new NextStepPlan(" ", LocalDate.of(2026, 3, 5)), REP, T0, SETTINGS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNewDealTakesItsStageProbabilityAndEurosByDefault() {
        Opportunity deal = deal();
        assertThat(deal.probability()).isEqualTo(10);
        assertThat(deal.currency()).isEqualTo("EUR");
        assertThat(deal.stageChanges()).singleElement()
                .satisfies(c -> {
                    assertThat(c.fromStage()).isNull();
                    assertThat(c.toStage()).isEqualTo(Stage.PROSPECTING);
                });
    }

    @Test
    void anOverriddenProbabilityIsKept() {
        var d = details("100");
        Opportunity deal = Opportunity.open(1, Stage.QUALIFIED, new OpportunityDetails(d.title(), d.amount(), "USD", 40,
                d.expectedCloseOn(), d.ownerId(), null, Set.of(), Set.of()), CALL, REP, T0, SETTINGS);
        assertThat(deal.probability()).isEqualTo(40);
        assertThat(deal.currency()).isEqualTo("USD");
    }

    @Test
    void aMoveKeepsTheNextStepOnlyWhileItIsNotOverdue() {
        Opportunity deal = deal();   // next step due on 2026-03-05
        assertThat(deal.nextStepStillDue(LocalDate.of(2026, 3, 4))).contains(CALL);
        assertThat(deal.nextStepStillDue(LocalDate.of(2026, 3, 5))).as("due today is not late").contains(CALL);
        assertThat(deal.nextStepStillDue(LocalDate.of(2026, 3, 6))).as("overdue: a new one is asked").isEmpty();
        deal.moveTo(Stage.WON, null, null, null, REP, T0.plusSeconds(5), SETTINGS);
        assertThat(deal.nextStepStillDue(LocalDate.of(2026, 3, 4))).as("a closed deal has none").isEmpty();
    }

    @Test
    void onlyAnOpenDealItsOwnerOrAManagerManagesCanBeMovedOnTheBoard() {
        OpportunityRow open = new OpportunityRow(1, 0, 1, "Acme", "Parc", BigDecimal.TEN, "EUR", Stage.PROPOSAL, 50,
                LocalDate.of(2026, 6, 30), REP.userId(), "Rep", "Appeler", LocalDate.of(2026, 3, 5), T0);
        OpportunityRow won = new OpportunityRow(1, 0, 1, "Acme", "Parc", BigDecimal.TEN, "EUR", Stage.WON, 100,
                LocalDate.of(2026, 6, 30), REP.userId(), "Rep", null, null, T0);
        assertThat(open.canBeMovedBy(REP)).isTrue();
        assertThat(open.canBeMovedBy(MANAGER)).isTrue();
        assertThat(open.canBeMovedBy(OTHER_REP)).isFalse();
        assertThat(won.canBeMovedBy(REP)).isFalse();
    }

    @Test
    void movingToAnOpenStageAsksForTheNextStep() {
        Opportunity deal = deal();
        assertThat(broken(() -> deal.moveTo(Stage.QUALIFIED, null, null, null, REP, T0.plusSeconds(60), SETTINGS)))
                .containsExactly("nextStepAction: opportunity.nextStep.required",
                        "nextStepDue: interaction.nextStep.dueRequired");
        assertThat(deal.stage()).isEqualTo(Stage.PROSPECTING);
        deal.moveTo(Stage.QUALIFIED, new NextStepPlan("Envoyer la démo", LocalDate.of(2026, 3, 10)), null, null, REP,
                T0.plus(3, ChronoUnit.DAYS), SETTINGS);
        assertThat(deal.stage()).isEqualTo(Stage.QUALIFIED);
        assertThat(deal.nextStep()).isEqualTo("Envoyer la démo");
        assertThat(deal.probability()).isEqualTo(25);
    }

    @Test
    void everyStageChangeIsKeptWithWhenWhoAndTimeInThePreviousStage() {
        Opportunity deal = deal();
        Instant t1 = T0.plus(3, ChronoUnit.DAYS);
        Instant t2 = t1.plus(5, ChronoUnit.DAYS);
        deal.moveTo(Stage.QUALIFIED, CALL, null, null, REP, t1, SETTINGS);
        deal.moveTo(Stage.PROPOSAL, CALL, null, null, MANAGER, t2, SETTINGS);
        assertThat(deal.stageChanges()).hasSize(3);
        StageChange last = deal.stageChanges().get(2);
        assertThat(last.fromStage()).isEqualTo(Stage.QUALIFIED);
        assertThat(last.toStage()).isEqualTo(Stage.PROPOSAL);
        assertThat(last.fromEnteredAt()).isEqualTo(t1);
        assertThat(last.changedAt()).isEqualTo(t2);
        assertThat(last.changedBy()).isEqualTo(MANAGER.userId());
    }

    @Test
    void losingNeedsAReasonAndAComment() {
        Opportunity deal = deal();
        assertThatThrownBy(() -> deal.moveTo(Stage.LOST, null, null, "trop cher", REP, T0, SETTINGS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> deal.moveTo(Stage.LOST, null, LostReason.PRICE, " ", REP, T0, SETTINGS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("comment");
        deal.moveTo(Stage.LOST, null, LostReason.PRICE, "Concurrent 20 % moins cher", REP, T0.plusSeconds(5), SETTINGS);
        assertThat(deal.stage()).isEqualTo(Stage.LOST);
        assertThat(deal.closedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(deal.nextStep()).isNull();
        assertThat(deal.lostReason()).isEqualTo(LostReason.PRICE);
    }

    @Test
    void aClosedDealCannotMoveOrChange() {
        Opportunity deal = deal();
        deal.moveTo(Stage.WON, null, null, null, REP, T0.plusSeconds(5), SETTINGS);
        assertThat(deal.closedAt()).isNotNull();
        assertThat(deal.probability()).isEqualTo(100);
        assertThatThrownBy(() -> deal.moveTo(Stage.QUALIFIED, CALL, null, null, REP, T0, SETTINGS))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> deal.planNextStep(CALL, T0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void reschedulingKeepsTheNextStepAndMovesItsDayToTodayOrLater() {
        Opportunity deal = deal();
        LocalDate today = LocalDate.of(2026, 3, 10);

        deal.rescheduleNextStep(today.plusDays(1), today, T0.plusSeconds(60));

        assertThat(deal.nextStep()).isEqualTo("Rappeler l'acheteuse");
        assertThat(deal.nextStepDue()).isEqualTo(today.plusDays(1));
        assertThatThrownBy(() -> deal.rescheduleNextStep(today.minusDays(1), today, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(deal.nextStepDue()).isEqualTo(today.plusDays(1));
    }

    @Test
    void anOpenDealIsHandedOverWithItsNextStepAClosedOneIsNot() {
        Opportunity deal = deal();
        deal.handOver(OTHER_REP.userId());
        assertThat(deal.ownerId()).isEqualTo(OTHER_REP.userId());
        assertThat(deal.nextStep()).isEqualTo("Rappeler l'acheteuse");

        deal.moveTo(Stage.WON, null, null, null, OTHER_REP, T0.plusSeconds(5), SETTINGS);
        assertThatThrownBy(() -> deal.handOver(REP.userId())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> deal.rescheduleNextStep(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 3, 10), T0))
                .isInstanceOf(IllegalStateException.class);
        assertThat(deal.ownerId()).isEqualTo(OTHER_REP.userId());
    }

    @Test
    void aDiscountAboveTheThresholdMustBeApprovedBeforeTheDealIsWon() throws Exception {
        Opportunity deal = deal();
        Concession discount = deal.grantConcession(ConcessionType.DISCOUNT, ValueKind.PERCENT, new BigDecimal("15"),
                Counterpart.NONE, null, REP, T0, SETTINGS);
        assertThat(discount.approval()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(discount.withoutCounterpart()).isTrue();
        assertThat(broken(() -> deal.moveTo(Stage.WON, null, null, null, REP, T0, SETTINGS)))
                .containsExactly("null: opportunity.won.pendingApproval");
        setId(discount, 11L);
        assertThatThrownBy(() -> deal.decideConcession(11L, true, REP, T0)).isInstanceOf(IllegalArgumentException.class);
        deal.decideConcession(11L, true, MANAGER, T0.plusSeconds(60));
        assertThat(discount.approval()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(discount.decidedBy()).isEqualTo(MANAGER.userId());
        deal.moveTo(Stage.WON, null, null, null, REP, T0.plusSeconds(120), SETTINGS);
        assertThat(deal.stage()).isEqualTo(Stage.WON);
    }

    @Test
    void aDiscountAtTheThresholdOrAnotherConcessionNeedsNoApproval() {
        Opportunity deal = deal();
        assertThat(deal.grantConcession(ConcessionType.DISCOUNT, ValueKind.PERCENT, new BigDecimal("10"),
                Counterpart.VOLUME, "3 ans", REP, T0, SETTINGS).approval()).isEqualTo(ApprovalStatus.NOT_REQUIRED);
        // 2 001 € of 20 000 € is just above 10 %
        assertThat(deal.grantConcession(ConcessionType.DISCOUNT, ValueKind.AMOUNT, new BigDecimal("2001"),
                Counterpart.NONE, null, REP, T0, SETTINGS).approval()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(deal.grantConcession(ConcessionType.PAYMENT_TERMS, ValueKind.PERCENT, new BigDecimal("50"),
                Counterpart.NONE, null, REP, T0, SETTINGS).approval()).isEqualTo(ApprovalStatus.NOT_REQUIRED);
    }

    @Test
    void tenSmallDiscountsAreOneLargeOneAndTheDealCannotBeWonUntilAManagerApproves() throws Exception {
        Opportunity deal = deal();
        for (int i = 0; i < 10; i++) {
            setId(deal.grantConcession(ConcessionType.DISCOUNT, ValueKind.PERCENT, new BigDecimal("9.99"),
                    Counterpart.NONE, null, REP, T0, SETTINGS), 100L + i);
        }
        var approvals = deal.concessions().stream().map(Concession::approval).toList();
        assertThat(approvals.getFirst()).as("9.99 % in all is under the threshold")
                .isEqualTo(ApprovalStatus.NOT_REQUIRED);
        assertThat(approvals.subList(1, 10)).as("each one taking the total above 10 % waits")
                .containsOnly(ApprovalStatus.PENDING);
        assertThat(broken(() -> deal.moveTo(Stage.WON, null, null, null, REP, T0, SETTINGS)))
                .containsExactly("null: opportunity.won.pendingApproval");

        for (int i = 1; i < 10; i++) {
            deal.decideConcession(100L + i, true, MANAGER, T0.plusSeconds(60));
        }
        deal.moveTo(Stage.WON, null, null, null, REP, T0.plusSeconds(120), SETTINGS);
        assertThat(deal.stage()).isEqualTo(Stage.WON);
    }

    @Test
    void anAmountOffCountsAsItsPercentOfTheDealTowardsTheThreshold() {
        Opportunity deal = deal(); // 20 000 €
        assertThat(deal.grantConcession(ConcessionType.DISCOUNT, ValueKind.AMOUNT, new BigDecimal("1200"),
                Counterpart.NONE, null, REP, T0, SETTINGS).approval()).isEqualTo(ApprovalStatus.NOT_REQUIRED);
        // 1 200 € is 6 %; 4 % more makes exactly 10 %: still within the threshold
        assertThat(deal.grantConcession(ConcessionType.DISCOUNT, ValueKind.PERCENT, new BigDecimal("4"),
                Counterpart.NONE, null, REP, T0, SETTINGS).approval()).isEqualTo(ApprovalStatus.NOT_REQUIRED);
        // 10 € more (0.05 %) crosses it
        assertThat(deal.grantConcession(ConcessionType.DISCOUNT, ValueKind.AMOUNT, new BigDecimal("10"),
                Counterpart.NONE, null, REP, T0, SETTINGS).approval()).isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void onlyDiscountsCountAndARefusedOneIsNotGiven() throws Exception {
        Opportunity deal = deal();
        deal.grantConcession(ConcessionType.FREE_SERVICE, ValueKind.PERCENT, new BigDecimal("30"),
                Counterpart.NONE, null, REP, T0, SETTINGS);
        deal.grantConcession(ConcessionType.DISCOUNT, ValueKind.PERCENT, new BigDecimal("8"),
                Counterpart.NONE, null, REP, T0, SETTINGS);
        Concession refused = deal.grantConcession(ConcessionType.DISCOUNT, ValueKind.PERCENT, new BigDecimal("5"),
                Counterpart.NONE, null, REP, T0, SETTINGS);
        assertThat(refused.approval()).isEqualTo(ApprovalStatus.PENDING);
        setId(refused, 5L);
        deal.decideConcession(5L, false, MANAGER, T0);
        assertThat(deal.grantConcession(ConcessionType.DISCOUNT, ValueKind.PERCENT, new BigDecimal("2"),
                Counterpart.NONE, null, REP, T0, SETTINGS).approval())
                .as("8 % + 2 %, the refused 5 % not given").isEqualTo(ApprovalStatus.NOT_REQUIRED);
    }

    @Test
    void theTotalConcededCountsMoneyExceptRefusedConcessions() throws Exception {
        Opportunity deal = deal();
        deal.grantConcession(ConcessionType.DISCOUNT, ValueKind.PERCENT, new BigDecimal("5"), Counterpart.VOLUME,
                null, REP, T0, SETTINGS);
        deal.grantConcession(ConcessionType.FREE_SERVICE, ValueKind.AMOUNT, new BigDecimal("800"), Counterpart.NONE,
                null, REP, T0, SETTINGS);
        Concession big = deal.grantConcession(ConcessionType.DISCOUNT, ValueKind.PERCENT, new BigDecimal("20"),
                Counterpart.NONE, null, REP, T0, SETTINGS);
        assertThat(deal.totalConceded()).isEqualByComparingTo("5800");
        setId(big, 3L);
        deal.decideConcession(3L, false, MANAGER, T0);
        assertThat(deal.totalConceded()).isEqualByComparingTo("1800");
        assertThat(deal.hasPendingApproval()).isFalse();
    }

    @Test
    void salesManageTheirOwnDealsAndManagersAll() {
        Opportunity deal = deal();
        assertThat(deal.canBeManagedBy(REP)).isTrue();
        assertThat(deal.canBeManagedBy(OTHER_REP)).isFalse();
        assertThat(deal.canBeManagedBy(MANAGER)).isTrue();
        assertThat(deal.canBeManagedBy(new Actor(7, Role.SUPPORT, Department.SUPPORT))).isFalse();
    }

    private static void setId(Concession concession, long id) throws Exception {
        Field f = Concession.class.getDeclaredField("id");
        f.setAccessible(true);
        f.set(concession, id);
    }
}
