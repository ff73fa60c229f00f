package org.relationcrm.client;

import java.time.Instant;

/** A person as shown on the 360° record, read in one query with everyone else of the company. */
public record ContactCard(
        long id,
        long version,
        Long companyId,
        String companyName,
        boolean primaryContact,
        ContactDetails details,
        Instant createdAt) {

    public String fullName() {
        return details.firstName() == null ? details.lastName() : details.firstName() + " " + details.lastName();
    }

    /** The person was anonymised (GDPR erasure): pages say so instead of the placeholder name. */
    public boolean anonymised() {
        return Contact.isAnonymisedName(details.firstName(), details.lastName());
    }

    /** What to call them: the preferred name when they gave one. */
    public String greetingName() {
        if (details.preferredName() != null) {
            return details.preferredName();
        }
        return details.firstName() != null ? details.firstName() : details.lastName();
    }
}
