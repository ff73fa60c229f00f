package org.relationcrm.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A customer's churn-risk score (0–100) and the reasons that make it up, every point explained. */
public record ChurnRisk(long companyId, String companyName, String ownerName, int score, List<RiskReason> reasons,
                        Instant lastInteractionAt, LocalDate lastWonOn) {

    public String level() {
        return score >= 50 ? "HIGH" : score >= 25 ? "MEDIUM" : "LOW";
    }
}
