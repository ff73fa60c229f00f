package org.relationcrm.feedback.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.relationcrm.feedback.RootCause;

/** What was done, and why it happened. */
record ResolutionForm(@NotBlank @Size(max = 10_000) String resolution, @NotNull RootCause rootCause,
                      @Size(max = 1_000) String rootCauseDetail) {
}
