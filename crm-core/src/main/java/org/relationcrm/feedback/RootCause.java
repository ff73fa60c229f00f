package org.relationcrm.feedback;

/** Why the client had to complain, recorded at resolution so the company can improve. */
public enum RootCause { PRODUCT_DEFECT, PROCESS, COMMUNICATION, DELAY, BILLING_ERROR, CUSTOMER_EXPECTATION, THIRD_PARTY, OTHER }
