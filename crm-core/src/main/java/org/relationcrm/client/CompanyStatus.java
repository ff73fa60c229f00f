package org.relationcrm.client;

/** Where a company stands with us. */
public enum CompanyStatus {
    PROSPECT, CUSTOMER, FORMER_CUSTOMER
}
