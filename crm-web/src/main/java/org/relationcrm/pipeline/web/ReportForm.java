package org.relationcrm.pipeline.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import org.relationcrm.interaction.Interaction;
import org.relationcrm.shared.SaneDate;

/** What was said at a meeting, how it ended, and what comes next. */
record ReportForm(
        @NotBlank @Size(max = Interaction.MAX_SUMMARY) String summary,
        @Size(max = Interaction.MAX_OUTCOME) String outcome,
        @Size(max = Interaction.MAX_NEXT_STEP) String nextStepAction,
        @SaneDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate nextStepDue,
        Long version) {
}
