package org.relationcrm.segment.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import org.relationcrm.segment.MessageTemplate;
import org.relationcrm.segment.PlannedCall;
import org.relationcrm.segment.SegmentService;
import org.relationcrm.shared.SaneDate;

/**
 * A call list as the rep confirms it: when, for whom, the template, and one row per person with the message as the
 * rep personalised it (rows not ticked are left out).
 */
record CallListForm(
        @Size(max = MessageTemplate.MAX_LENGTH) String template,
        @NotNull @SaneDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
        Long assigneeId,
        @Valid @Size(max = SegmentService.MAX_CALLS) List<Row> calls) {

    CallListForm {
        calls = calls == null ? new ArrayList<>() : new ArrayList<>(calls);
    }

    /** One person of the list: ticked or not, and their message. */
    record Row(@NotNull Long contactId, Boolean included, @Size(max = MessageTemplate.MAX_LENGTH) String message) {
    }

    List<PlannedCall> planned() {
        return calls.stream().filter(r -> r != null && r.contactId() != null && Boolean.TRUE.equals(r.included()))
                .map(r -> new PlannedCall(r.contactId(), r.message())).toList();
    }
}
