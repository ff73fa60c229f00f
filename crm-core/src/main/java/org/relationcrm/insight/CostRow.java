package org.relationcrm.insight;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.relationcrm.shared.Channel;

/** An acquisition cost as the admin's list shows it. */
public record CostRow(long id, long version, LocalDate month, Channel channel, String campaign, BigDecimal amount,
                      String enteredBy) {
}
