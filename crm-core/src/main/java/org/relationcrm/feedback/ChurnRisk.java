package org.relationcrm.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.relationcrm.client.Company;
import org.relationcrm.team.Actor;

/**
 * A customer's churn-risk score (0–100) and the reasons that make it up, every point explained.
 * {@code lastInteractionAt} is the last exchange, {@code lastWonOn} the last signature.
 */
public record ChurnRisk(long companyId, String companyName, long ownerId, String ownerName, int score,
                        List<RiskReason> reasons, Instant lastInteractionAt, LocalDate lastWonOn) {

    public String level() {
        return score >= 50 ? "HIGH" : score >= 25 ? "MEDIUM" : "LOW";
    }

    /** Whether this user may give the client to another owner (the company's editing rule). */
    public boolean canBeReassignedBy(Actor actor) {
        return Company.editableBy(ownerId, actor);
    }
}
