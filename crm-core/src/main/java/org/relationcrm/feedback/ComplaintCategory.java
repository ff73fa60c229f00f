package org.relationcrm.feedback;

/** What a complaint is about. */
public enum ComplaintCategory { PRODUCT, DELIVERY, BILLING, SERVICE, RELATIONSHIP, OTHER }
