package org.relationcrm.interaction.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.Interaction;
import org.relationcrm.interaction.Sentiment;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.SaneDate;

/**
 * "Log an interaction" as the browser sends it: local date-time in the company's zone, people by id. The form checks
 * what a field says on its own, with the aggregate's limits; the rules between fields and against the clock are
 * {@link Interaction}'s, shown next to the field by {@link org.relationcrm.shared.web.FormErrors}.
 */
record InteractionForm(
        @NotNull Channel channel,
        @NotNull Direction direction,
        @NotNull @SaneDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime occurredAt,
        Set<Long> contactIds,
        @NotBlank @Size(max = Interaction.MAX_SUBJECT) String subject,
        @Size(max = Interaction.MAX_SUMMARY) String summary,
        @Size(max = Interaction.MAX_OUTCOME) String outcome,
        Sentiment sentiment,
        @Size(max = Interaction.MAX_NEXT_STEP) String nextStepAction,
        @SaneDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate nextStepDue) {

    /**
     * A new form as a typical call needs it: now, the channel the user chose last time, the people ticked, an
     * outgoing exchange and a neutral mood; what was said is left to type.
     */
    static InteractionForm startingNow(LocalDateTime now, Channel channel, Set<Long> contactIds) {
        return new InteractionForm(channel, Direction.OUTBOUND, now, contactIds, null, null, null, Sentiment.NEUTRAL,
                null, null);
    }

    /** The same form on another channel; null keeps this one. */
    InteractionForm on(Channel other) {
        return other == null ? this : new InteractionForm(other, direction, occurredAt, contactIds, subject, summary,
                outcome, sentiment, nextStepAction, nextStepDue);
    }
}
