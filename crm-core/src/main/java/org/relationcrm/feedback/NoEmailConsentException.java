package org.relationcrm.feedback;

/** The person gave no email address or no consent to be emailed: no survey by email. */
public class NoEmailConsentException extends IllegalArgumentException {

    public NoEmailConsentException() {
        super("this person did not consent to emails");
    }
}
