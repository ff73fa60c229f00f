package org.relationcrm.team;

/** What a user may change. Every role reads the same 360° record. */
public enum Role {
    SALES, SUPPORT, ADV, MANAGER, ADMIN;

    /** Logging calls, meetings, emails: everyone who talks to clients. */
    public boolean canLogInteractions() {
        return this != ADMIN;
    }

    /** Creating a company: those who bring or register clients. */
    public boolean canCreateCompanies() {
        return this == SALES || this == ADV || this == MANAGER || this == ADMIN;
    }
}
