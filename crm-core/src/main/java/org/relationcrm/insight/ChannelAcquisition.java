package org.relationcrm.insight;

import java.math.BigDecimal;

import org.relationcrm.shared.Channel;

/**
 * One acquisition channel of the whole team in a period and the one before: the costs entered for it, the customers
 * it brought (a new customer is acquired through the channel of its first exchange on record) and the CAC.
 * {@code channel} null: the costs entered for a campaign without a channel, and the new customers with no exchange
 * on record. The rows add up to the period's CAC figure.
 */
public record ChannelAcquisition(Channel channel, BigDecimal cost, long newCustomers, BigDecimal previousCost,
                                 long previousNewCustomers) {

    /** The period's CAC of the channel, null without a cost or without a new customer. */
    public Double cac() {
        return KpiValues.cac(cost, newCustomers);
    }

    public Double previousCac() {
        return KpiValues.cac(previousCost, previousNewCustomers);
    }
}
