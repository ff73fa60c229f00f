package org.relationcrm.pipeline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.Text;

/**
 * Something given away during a negotiation, what was obtained in return, who granted it and, for a large
 * discount, the manager's approval. Part of its {@link Opportunity}.
 */
@Entity
@Table(name = "concession")
public class Concession {

    /** Declared here only: the form's @Size reads it. */
    public static final int MAX_DETAIL = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ConcessionType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "value_kind", nullable = false)
    private ValueKind valueKind;

    @Column(name = "value", nullable = false)
    private BigDecimal value;

    /** The concession in money, at the deal's amount when it was granted: what dashboards add up. */
    @Column(name = "money_value", nullable = false)
    private BigDecimal moneyValue;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Counterpart counterpart;

    @Column(name = "counterpart_detail")
    private String counterpartDetail;

    @Column(name = "granted_by", nullable = false)
    private long grantedBy;

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "approval", nullable = false)
    private ApprovalStatus approval;

    @Column(name = "decided_by")
    private Long decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected Concession() {
    }

    Concession(ConcessionType type, ValueKind valueKind, BigDecimal value, BigDecimal dealAmount,
               Counterpart counterpart, String counterpartDetail, long grantedBy, Instant grantedAt) {
        if (type == null || valueKind == null || counterpart == null) {
            throw new IllegalArgumentException("a concession needs a type, a kind of value and a counterpart (NONE if nothing)");
        }
        if (value == null || value.signum() <= 0) {
            throw new RuleViolation("value", "concession.value.invalid");
        }
        if (valueKind == ValueKind.PERCENT && value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new RuleViolation("value", "concession.value.max");
        }
        this.type = type;
        this.valueKind = valueKind;
        this.value = value;
        this.moneyValue = valueKind == ValueKind.AMOUNT ? value
                : dealAmount.multiply(value).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        this.counterpart = counterpart;
        this.counterpartDetail = Text.optional(counterpartDetail, MAX_DETAIL, "counterpartDetail");
        this.grantedBy = grantedBy;
        this.grantedAt = grantedAt;
        this.approval = ApprovalStatus.NOT_REQUIRED;
    }

    /** The deal's discounts went above the threshold with this one (the rule is the deal's): a manager decides. */
    void awaitApproval() {
        this.approval = ApprovalStatus.PENDING;
    }

    boolean isDiscount() {
        return type == ConcessionType.DISCOUNT;
    }

    /** The concession as a percentage of the deal's amount. */
    BigDecimal percentOf(BigDecimal dealAmount) {
        if (valueKind == ValueKind.PERCENT) {
            return value;
        }
        if (dealAmount.signum() == 0) {
            return BigDecimal.valueOf(100);
        }
        return value.multiply(BigDecimal.valueOf(100)).divide(dealAmount, 2, RoundingMode.HALF_UP);
    }

    void decide(boolean approved, long managerId, Instant when) {
        if (approval != ApprovalStatus.PENDING) {
            throw new IllegalStateException("this concession is not waiting for approval");
        }
        this.approval = approved ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED;
        this.decidedBy = managerId;
        this.decidedAt = when;
    }

    /** Given for nothing in return. */
    public boolean withoutCounterpart() {
        return counterpart == Counterpart.NONE;
    }

    public boolean isPending() {
        return approval == ApprovalStatus.PENDING;
    }

    public Long id() {
        return id;
    }

    public ConcessionType type() {
        return type;
    }

    public ValueKind valueKind() {
        return valueKind;
    }

    public BigDecimal value() {
        return value;
    }

    public BigDecimal moneyValue() {
        return moneyValue;
    }

    public Counterpart counterpart() {
        return counterpart;
    }

    public String counterpartDetail() {
        return counterpartDetail;
    }

    public long grantedBy() {
        return grantedBy;
    }

    public Instant grantedAt() {
        return grantedAt;
    }

    public ApprovalStatus approval() {
        return approval;
    }

    public Long decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }
}
