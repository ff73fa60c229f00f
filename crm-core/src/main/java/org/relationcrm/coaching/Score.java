package org.relationcrm.coaching;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.Text;

/** One criterion's score, from {@link #MIN} (to work on) to {@link #MAX} (a model), and an optional comment. */
@Embeddable
public record Score(@Column(name = "score", nullable = false) int value,
                    @Column(name = "comment") String comment) {

    public static final int MIN = 1;
    public static final int MAX = 4;
    public static final int MAX_COMMENT = 1_000;

    /** The score checked and its comment trimmed; {@code field} names the form field a broken rule points at. */
    public static Score of(Integer value, String comment, String field) {
        if (value == null || value < MIN || value > MAX) {
            throw new RuleViolation(field, "coaching.score.range", MIN, MAX);
        }
        return new Score(value, Text.optional(comment, MAX_COMMENT, field + "Comment"));
    }
}
