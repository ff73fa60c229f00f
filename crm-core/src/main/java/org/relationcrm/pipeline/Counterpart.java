package org.relationcrm.pipeline;

/** What was obtained in return for a concession; NONE is what we want to see less of. */
public enum Counterpart {
    NONE, VOLUME, LONGER_COMMITMENT, FASTER_PAYMENT, REFERRAL, CASE_STUDY, OTHER
}
