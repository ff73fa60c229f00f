package org.relationcrm.insight.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import org.relationcrm.insight.Kpi;
import org.relationcrm.insight.ReviewAction;
import org.relationcrm.shared.SaneDate;

/** A review action: the KPI that moved, the root cause found, the action decided, who does it and by when. */
record ActionForm(
        @NotNull Kpi kpi,
        @NotBlank @Size(max = ReviewAction.MAX_TEXT) String rootCause,
        @NotBlank @Size(max = ReviewAction.MAX_TEXT) String action,
        @NotNull Long ownerId,
        @NotNull @SaneDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn) {

    static ActionForm of(Kpi kpi, long ownerId) {
        return new ActionForm(kpi, null, null, ownerId, null);
    }
}
