package org.relationcrm.pipeline.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import org.relationcrm.pipeline.Opportunity;
import org.relationcrm.pipeline.OpportunityDetails;
import org.relationcrm.pipeline.OpportunitySource;
import org.relationcrm.pipeline.Stage;
import org.relationcrm.shared.SaneDate;

/** A deal as the form sends it. On creation it carries the first stage and next step; on edit, the version. */
record OpportunityForm(
        @NotBlank @Size(max = Opportunity.MAX_TITLE) String title,
        @NotNull @DecimalMin(value = "0", message = "{opportunity.amount.invalid}") @Digits(integer = 12, fraction = 2, message = "{opportunity.amount.invalid}") BigDecimal amount,
        @Pattern(regexp = "[A-Z]{3}", message = "{opportunity.currency.invalid}") String currency,
        @Min(value = 0, message = "{opportunity.probability.invalid}") @Max(value = 100, message = "{opportunity.probability.invalid}") Integer probability,
        @NotNull @SaneDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expectedCloseOn,
        @NotNull Long ownerId,
        OpportunitySource source,
        Set<Long> contactIds,
        Set<Long> productLineIds,
        Stage stage,
        @Size(max = Opportunity.MAX_NEXT_STEP) String nextStepAction,
        @SaneDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate nextStepDue,
        Long version) {

    static OpportunityForm blank(long ownerId, LocalDate today) {
        return new OpportunityForm(null, null, "EUR", null, today.plusMonths(3), ownerId, null, Set.of(), Set.of(),
                Stage.PROSPECTING, null, today.plusDays(7), null);
    }

    static OpportunityForm of(Opportunity o) {
        return new OpportunityForm(o.title(), o.amount(), o.currency(), o.probability(), o.expectedCloseOn(),
                o.ownerId(), o.source(), o.contactIds(), o.productLineIds(), o.stage(), null, null, o.version());
    }

    OpportunityDetails toDetails() {
        return new OpportunityDetails(title, amount, currency, probability, expectedCloseOn, ownerId, source,
                contactIds, productLineIds);
    }
}
