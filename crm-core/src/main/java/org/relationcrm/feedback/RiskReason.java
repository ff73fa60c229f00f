package org.relationcrm.feedback;

/**
 * One visible signal of churn risk and its weight in the score. {@code code} names it (message key
 * {@code risk.reason.<code>}), {@code value} is the fact behind it (days, score, count, percent).
 */
public record RiskReason(String code, int points, String value) {

    /** The value as the message's argument: a number when it is one, so that the message can choose its plural. */
    public Object argument() {
        return value.matches("-?\\d{1,18}") ? (Object) Long.valueOf(value) : value;
    }
}
