package org.relationcrm.pipeline.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import org.relationcrm.pipeline.LostReason;
import org.relationcrm.pipeline.Opportunity;
import org.relationcrm.pipeline.Stage;
import org.relationcrm.shared.SaneDate;

/** Moving a deal: the new stage, and the next step (open stage) or the reason (lost). */
record StageForm(
        @NotNull Stage stage,
        @Size(max = Opportunity.MAX_NEXT_STEP) String nextStepAction,
        @SaneDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate nextStepDue,
        LostReason lostReason,
        @Size(max = Opportunity.MAX_LOST_COMMENT) String lostComment,
        Long version) {
}
