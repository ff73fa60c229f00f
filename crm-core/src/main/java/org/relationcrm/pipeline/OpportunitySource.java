package org.relationcrm.pipeline;

/** Where a deal came from. */
public enum OpportunitySource {
    INBOUND, OUTBOUND, REFERRAL, EVENT, PARTNER, EXISTING_CUSTOMER, WEBSITE
}
