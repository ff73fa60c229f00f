package org.relationcrm.pipeline.web;

import java.time.LocalDateTime;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import org.relationcrm.interaction.Interaction;
import org.relationcrm.pipeline.MeetingPrep;
import org.relationcrm.shared.SaneDate;

/** A meeting's preparation as the form sends it. */
record MeetingForm(
        @NotNull Long companyId,
        Long opportunityId,
        @NotBlank @Size(max = MeetingPrep.MAX_TITLE) String title,
        @NotNull @SaneDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime meetingAt,
        @Size(max = Interaction.MAX_CONTACTS) Set<Long> contactIds,
        @Size(max = MeetingPrep.MAX_TEXT) String objectives,
        @Size(max = MeetingPrep.MAX_TEXT) String agenda,
        @Size(max = MeetingPrep.MAX_TEXT) String questions,
        @Size(max = MeetingPrep.MAX_TEXT) String objections) {
}
