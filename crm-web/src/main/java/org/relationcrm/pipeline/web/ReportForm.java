package org.relationcrm.pipeline.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import org.relationcrm.shared.SaneDate;

/** What was said at a meeting, how it ended, and what comes next. */
record ReportForm(
        @NotBlank @Size(max = 10_000) String summary,
        @Size(max = 1000) String outcome,
        @Size(max = 500) String nextStepAction,
        @SaneDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate nextStepDue,
        Long version) {
}
