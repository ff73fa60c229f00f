package org.relationcrm.interaction;

/** Whose timeline: a company's (everything with it and its people) or one person's. */
public record TimelineScope(Kind kind, long id) {

    public enum Kind { COMPANY, CONTACT }

    public static TimelineScope company(long companyId) {
        return new TimelineScope(Kind.COMPANY, companyId);
    }

    public static TimelineScope contact(long contactId) {
        return new TimelineScope(Kind.CONTACT, contactId);
    }
}
