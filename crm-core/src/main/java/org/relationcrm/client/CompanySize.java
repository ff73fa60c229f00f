package org.relationcrm.client;

/** Head-count bands, as used by INSEE: micro, small, medium, large. */
public enum CompanySize {
    MICRO, SMALL, MEDIUM, LARGE
}
