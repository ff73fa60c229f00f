package org.relationcrm.pipeline.web;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.relationcrm.pipeline.Concession;
import org.relationcrm.pipeline.ConcessionType;
import org.relationcrm.pipeline.Counterpart;
import org.relationcrm.pipeline.ValueKind;

/** A concession as the negotiator records it. */
record ConcessionForm(
        @NotNull ConcessionType type,
        @NotNull ValueKind valueKind,
        @NotNull @DecimalMin(value = "0", inclusive = false, message = "{concession.value.invalid}") @Digits(integer = 12, fraction = 2, message = "{concession.value.invalid}") BigDecimal value,
        @NotNull Counterpart counterpart,
        @Size(max = Concession.MAX_DETAIL) String counterpartDetail,
        Long version) {

    static ConcessionForm blank() {
        return new ConcessionForm(ConcessionType.DISCOUNT, ValueKind.PERCENT, null, Counterpart.NONE, null, null);
    }
}
