package org.relationcrm.segment;

import java.time.Instant;

/**
 * A person a segment keeps, with what an export, a call list or a survey send needs: the consents travel with the
 * contact details so that whoever writes them out can leave out what the person did not agree to.
 */
public record SegmentPerson(long contactId, Long companyId, String companyName, String civility, String firstName,
                            String lastName, String preferredName, String jobTitle, String email, String phone,
                            String mobile, String city, String language, boolean consentEmail, boolean consentPhone,
                            boolean consentSms, boolean consentLetter, long ownerId, String ownerName,
                            Instant lastSurveyAt) {

    /** The name the person likes to be called by, else their first name, else their last name. */
    public String callName() {
        if (preferredName != null) {
            return preferredName;
        }
        return firstName != null ? firstName : lastName;
    }

    public String fullName() {
        return firstName == null ? lastName : firstName + " " + lastName;
    }

    /** The person was anonymised (GDPR erasure): pages say so instead of the placeholder name. */
    public boolean anonymised() {
        return org.relationcrm.client.Contact.isAnonymisedName(firstName, lastName);
    }
}
