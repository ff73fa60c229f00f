package org.relationcrm.insight.web;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.relationcrm.insight.AcquisitionCost;
import org.relationcrm.shared.Channel;

/** A month's acquisition cost for a channel or a campaign (or neither). */
record CostForm(
        @NotBlank @Pattern(regexp = "^(19|20|21)\\d\\d-(0[1-9]|1[0-2])$") String month,
        Channel channel,
        @Size(max = AcquisitionCost.MAX_CAMPAIGN) String campaign,
        @NotNull @DecimalMin("0") @DecimalMax("999999999999.99") @Digits(integer = 12, fraction = 2) BigDecimal amount) {
}
