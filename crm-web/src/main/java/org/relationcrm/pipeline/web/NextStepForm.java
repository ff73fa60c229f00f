package org.relationcrm.pipeline.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import org.relationcrm.pipeline.Opportunity;
import org.relationcrm.shared.SaneDate;

/** The follow-up of a deal: the next step that replaces the one done. */
record NextStepForm(
        @NotBlank @Size(max = Opportunity.MAX_NEXT_STEP) String nextStepAction,
        @NotNull @SaneDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate nextStepDue,
        String back,
        Long version) {
}
