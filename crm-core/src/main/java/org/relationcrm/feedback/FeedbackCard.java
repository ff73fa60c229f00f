package org.relationcrm.feedback;

import java.util.List;

/** What the 360° page shows of feedback: churn risk, open complaints, last surveys, product lines held or not. */
public record FeedbackCard(ChurnRisk risk, List<ComplaintRow> complaints, List<SurveyRow> surveys,
                           List<HeldLine> lines) {

    public List<HeldLine> held() {
        return lines.stream().filter(HeldLine::held).toList();
    }

    public List<HeldLine> notHeld() {
        return lines.stream().filter(l -> !l.held()).toList();
    }
}
