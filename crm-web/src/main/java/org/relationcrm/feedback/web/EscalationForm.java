package org.relationcrm.feedback.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.relationcrm.feedback.Complaint;

/**
 * Escalating is deliberate: a level and, always, a reason; and to whom the case goes ({@code ownerId}; none: it stays
 * with its owner, who from level 2 on must be a manager).
 */
record EscalationForm(@NotNull @Min(1) @Max(3) Integer level,
                      @NotBlank @Size(max = Complaint.MAX_REASON) String reason,
                      Long ownerId) {
}
