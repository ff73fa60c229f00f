package org.relationcrm.feedback;

/** A survey link that cannot be answered any more (or not yet): the public page says why. */
public class SurveyClosedException extends RuntimeException {

    private final Survey.Refusal refusal;

    public SurveyClosedException(Survey.Refusal refusal) {
        super("survey closed: " + refusal);
        this.refusal = refusal;
    }

    public Survey.Refusal refusal() {
        return refusal;
    }
}
