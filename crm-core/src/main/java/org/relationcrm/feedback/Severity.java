package org.relationcrm.feedback;

/** How bad a complaint is; it sets the SLA. */
public enum Severity { LOW, MEDIUM, HIGH, CRITICAL }
