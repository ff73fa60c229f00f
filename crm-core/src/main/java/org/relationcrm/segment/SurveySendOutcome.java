package org.relationcrm.segment;

/**
 * What a survey send did: surveys sent by email, people left out because they gave no email consent (or have no
 * address), people left out because they were surveyed less than the minimum delay ago.
 */
public record SurveySendOutcome(int sent, int withoutConsent, int surveyedRecently) implements java.io.Serializable {
}
