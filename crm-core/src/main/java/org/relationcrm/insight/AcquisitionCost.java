package org.relationcrm.insight;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.relationcrm.shared.Channel;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.Text;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;

/**
 * What acquiring customers cost in one month, for one channel or campaign (or neither: everything else), entered by
 * an admin; the CAC divides it by the customers won.
 */
@Entity
@Table(name = "insight_acquisition_cost")
public class AcquisitionCost {

    public static final int MAX_CAMPAIGN = 120;
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");
    public static final String AMOUNT_RANGE = "insight.cost.amount.range";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, updatable = false)
    private LocalDate month;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private Channel channel;

    @Column(updatable = false)
    private String campaign;

    @Column(nullable = false)
    private BigDecimal amount;

    @Column(name = "entered_by", nullable = false)
    private long enteredBy;

    @Column(name = "entered_at", nullable = false)
    private Instant enteredAt;

    protected AcquisitionCost() {
    }

    public static AcquisitionCost enter(YearMonth month, Channel channel, String campaign, BigDecimal amount,
                                        Actor by, Instant now) {
        by.require(Permission.ENTER_ACQUISITION_COSTS);
        RuleViolation.Collector broken = RuleViolation.collect();
        broken.unless(month != null, "month", RuleViolation.REQUIRED);
        String name = broken.check(() -> Text.optional(campaign, MAX_CAMPAIGN, "campaign"));
        checkAmount(amount, broken);
        broken.throwIfAny();
        AcquisitionCost cost = new AcquisitionCost();
        cost.month = month.atDay(1);
        cost.channel = channel;
        cost.campaign = name;
        cost.amount = amount;
        cost.enteredBy = by.userId();
        cost.enteredAt = now;
        return cost;
    }

    private static void checkAmount(BigDecimal amount, RuleViolation.Collector broken) {
        broken.unless(amount != null, "amount", RuleViolation.REQUIRED);
        if (amount != null) {
            broken.unless(amount.signum() >= 0 && amount.compareTo(MAX_AMOUNT) <= 0 && amount.scale() <= 2,
                    "amount", AMOUNT_RANGE);
        }
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public LocalDate month() {
        return month;
    }

    public Channel channel() {
        return channel;
    }

    public String campaign() {
        return campaign;
    }

    public BigDecimal amount() {
        return amount;
    }
}
