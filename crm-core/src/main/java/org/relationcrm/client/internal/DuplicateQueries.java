package org.relationcrm.client.internal;

import java.util.List;
import java.util.Optional;

import org.relationcrm.client.CompanyDetails;
import org.relationcrm.client.ContactDetails;
import org.relationcrm.client.DuplicateHint;

/**
 * Saved clients that look like the one a form is about to save: one bounded statement each, every branch through an
 * index (SIREN, phone digits, email, a trigram name match narrowed to the city). Implemented in crm-persistence.
 */
public interface DuplicateQueries {

    /** The active company holding this SIREN (first 9 digits), other than {@code exceptId}. */
    Optional<DuplicateHint> sirenHolder(String siren, Long exceptId);

    /** Companies with the same SIREN or phone, or a similar name in the same city; strongest reasons first. */
    List<DuplicateHint> companies(CompanyDetails details, Long exceptId, int limit);

    /** People with the same email or phone, or a similar name at the same company or in the same city. */
    List<DuplicateHint> contacts(ContactDetails details, Long companyId, Long exceptId, int limit);
}
