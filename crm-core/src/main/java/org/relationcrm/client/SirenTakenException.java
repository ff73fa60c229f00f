package org.relationcrm.client;

import org.relationcrm.shared.RuleViolation;

/**
 * A SIREN already held by another active company: the company is not saved, whatever the user confirms. Carries
 * the company that holds it, so the form links to it. Raised before saving and, when two users save the same SIREN at
 * once, from the unique index (see {@link ClientService#sirenHolder}).
 */
public class SirenTakenException extends RuleViolation {

    private final long holderId;
    private final String holderName;

    public SirenTakenException(long holderId, String holderName) {
        super("legalId", Company.SIREN_TAKEN, holderName);
        this.holderId = holderId;
        this.holderName = holderName;
    }

    public long holderId() {
        return holderId;
    }

    public String holderName() {
        return holderName;
    }
}
