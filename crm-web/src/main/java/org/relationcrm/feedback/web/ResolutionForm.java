package org.relationcrm.feedback.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.relationcrm.feedback.Complaint;
import org.relationcrm.feedback.RootCause;

/** What was done, and why it happened. */
record ResolutionForm(@NotBlank @Size(max = Complaint.MAX_TEXT) String resolution, @NotNull RootCause rootCause,
                      @Size(max = Complaint.MAX_REASON) String rootCauseDetail) {
}
