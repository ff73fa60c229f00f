package org.relationcrm.interaction.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.Sentiment;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.SaneDate;

/** "Log an interaction" as the browser sends it: local date-time in the company's zone, people by id. */
record InteractionForm(
        @NotNull Channel channel,
        @NotNull Direction direction,
        @NotNull @SaneDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime occurredAt,
        @Size(max = 20) Set<Long> contactIds,
        @NotBlank @Size(max = 200) String subject,
        @Size(max = 10_000) String summary,
        @Size(max = 1_000) String outcome,
        Sentiment sentiment,
        @Size(max = 500) String nextStepAction,
        @SaneDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate nextStepDue) {

    static InteractionForm startingNow(LocalDateTime now, Set<Long> contactIds) {
        return new InteractionForm(Channel.PHONE, Direction.OUTBOUND, now, contactIds, null, null, null, null, null,
                null);
    }

    boolean hasNextStepAction() {
        return nextStepAction != null && !nextStepAction.isBlank();
    }
}
