package org.relationcrm.pipeline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;

import org.relationcrm.team.Actor;

/** A deal as lists show it: on the 360° page, the board, "My day", a meeting's context. */
public record OpportunityRow(long id, long version, long companyId, String companyName, String title,
                             BigDecimal amount, String currency, Stage stage, int probability,
                             LocalDate expectedCloseOn, long ownerId, String ownerName, String nextStep,
                             LocalDate nextStepDue, Instant lastActivityAt) {

    public BigDecimal weighted() {
        return amount.multiply(BigDecimal.valueOf(probability)).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP);
    }

    /** Whether the actor may move this deal on the board: an open deal they may manage. */
    public boolean canBeMovedBy(Actor actor) {
        return stage.isOpen() && Opportunity.managedBy(ownerId, actor);
    }

    public boolean isNextStepOverdue(LocalDate today) {
        return nextStepDue != null && nextStepDue.isBefore(today);
    }
}
