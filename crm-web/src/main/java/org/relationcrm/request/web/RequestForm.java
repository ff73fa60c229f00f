package org.relationcrm.request.web;

import java.time.LocalDateTime;
import java.time.ZoneId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import org.relationcrm.request.NewRequest;
import org.relationcrm.request.Request;
import org.relationcrm.request.RequestKind;
import org.relationcrm.request.RequestSubject;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.SaneDate;

/**
 * "New request" as the browser sends it: the department (or a person in it), the kind, what is needed, by when
 * (local date-time in the company's zone), and what else it is about (a deal or a complaint, carried from the page
 * it was asked from).
 */
record RequestForm(
        @NotNull Department toDepartment,
        Long toUserId,
        @NotNull RequestKind kind,
        @NotBlank @Size(max = Request.MAX_TEXT) String needed,
        @SaneDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime neededBy,
        RequestSubject subject,
        Long subjectId) {

    NewRequest toCommand(long companyId, ZoneId zone) {
        boolean about = subject != null && subjectId != null;
        return new NewRequest(companyId, about ? subject : null, about ? subjectId : null, toDepartment, toUserId,
                kind, needed, neededBy == null ? null : neededBy.atZone(zone).toInstant());
    }
}
