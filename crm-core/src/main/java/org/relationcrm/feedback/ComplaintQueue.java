package org.relationcrm.feedback;

/** Which open complaints the queue shows. */
public enum ComplaintQueue { ALL, AT_RISK, ESCALATED, MINE }
