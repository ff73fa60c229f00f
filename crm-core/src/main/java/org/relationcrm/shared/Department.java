package org.relationcrm.shared;

/** The department a user works in; every interaction records the author's department. */
public enum Department {
    SALES, SUPPORT, ADV, MARKETING, MANAGEMENT
}
