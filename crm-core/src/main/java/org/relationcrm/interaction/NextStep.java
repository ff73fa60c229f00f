package org.relationcrm.interaction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** What must happen next, by when; once done, who did it and when. */
@Embeddable
public class NextStep {

    @Column(name = "next_step")
    private String action;

    @Column(name = "next_step_due")
    private LocalDate dueOn;

    @Column(name = "next_step_assignee_id")
    private Long assigneeId;

    @Column(name = "next_step_done_at")
    private Instant doneAt;

    @Column(name = "next_step_done_by")
    private Long doneBy;

    protected NextStep() {
    }

    NextStep(String action, LocalDate dueOn, long assigneeId) {
        this.action = Objects.requireNonNull(action, "action");
        this.dueOn = Objects.requireNonNull(dueOn, "dueOn");
        this.assigneeId = assigneeId;
    }

    void markDone(long userId, Instant when) {
        if (doneAt != null) {
            throw new IllegalStateException("this next step is already done");
        }
        this.doneAt = when;
        this.doneBy = userId;
    }

    void rescheduleTo(LocalDate newDue) {
        requireOpen();
        this.dueOn = Objects.requireNonNull(newDue, "dueOn");
    }

    void assignTo(long userId) {
        requireOpen();
        this.assigneeId = userId;
    }

    private void requireOpen() {
        if (doneAt != null) {
            throw new IllegalStateException("this next step is already done");
        }
    }

    /** Whose it is: the user it was planned for, else the author of the interaction. */
    long ownerOf(long authorId) {
        return assigneeId != null ? assigneeId : authorId;
    }

    public String action() {
        return action;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    /** The user who has to do it. */
    public Long assigneeId() {
        return assigneeId;
    }

    public Instant doneAt() {
        return doneAt;
    }

    public Long doneBy() {
        return doneBy;
    }

    public boolean isDone() {
        return doneAt != null;
    }
}
