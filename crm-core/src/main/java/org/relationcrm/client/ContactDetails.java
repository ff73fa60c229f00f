package org.relationcrm.client;

import java.util.List;

import org.relationcrm.shared.Channel;

/** Everything a user can write about a person, as one command: used to create and to revise a contact. */
public record ContactDetails(
        Civility civility,
        String firstName,
        String lastName,
        String preferredName,
        String jobTitle,
        String email,
        String phone,
        String mobile,
        String city,
        Channel preferredChannel,
        String language,
        List<ImportantDate> importantDates,
        String personalNotes,
        String preferences,
        Consent consent) {

    public ContactDetails {
        importantDates = importantDates == null ? List.of() : List.copyOf(importantDates);
        consent = consent == null ? Consent.none() : consent;
    }
}
