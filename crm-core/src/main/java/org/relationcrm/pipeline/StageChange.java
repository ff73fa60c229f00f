package org.relationcrm.pipeline;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One move of a deal from a stage to another, never changed afterwards. {@code fromEnteredAt} is when the deal
 * entered the stage it leaves, so the time spent in each stage is {@code changedAt - fromEnteredAt}, read from
 * one row.
 */
@Entity
@Table(name = "opportunity_stage_change")
public class StageChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Null for the deal's creation. */
    @Enumerated(EnumType.STRING)
    @Column(name = "from_stage")
    private Stage fromStage;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_stage", nullable = false)
    private Stage toStage;

    @Column(name = "from_entered_at")
    private Instant fromEnteredAt;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false)
    private long changedBy;

    protected StageChange() {
    }

    StageChange(Stage fromStage, Instant fromEnteredAt, Stage toStage, Instant changedAt, long changedBy) {
        this.fromStage = fromStage;
        this.fromEnteredAt = fromEnteredAt;
        this.toStage = toStage;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
    }

    public Long id() {
        return id;
    }

    public Stage fromStage() {
        return fromStage;
    }

    public Stage toStage() {
        return toStage;
    }

    public Instant fromEnteredAt() {
        return fromEnteredAt;
    }

    public Instant changedAt() {
        return changedAt;
    }

    public long changedBy() {
        return changedBy;
    }
}
