package org.relationcrm.pipeline.web;

import java.time.LocalDateTime;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import org.relationcrm.shared.SaneDate;

/** A meeting's preparation as the form sends it. */
record MeetingForm(
        @NotNull Long companyId,
        Long opportunityId,
        @NotBlank @Size(max = 200) String title,
        @NotNull @SaneDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime meetingAt,
        @Size(max = 20) Set<Long> contactIds,
        @Size(max = 4000) String objectives,
        @Size(max = 4000) String agenda,
        @Size(max = 4000) String questions,
        @Size(max = 4000) String objections) {
}
