package org.relationcrm.client;

/** Why a saved client looks like the one being entered; the strongest first. */
public enum DuplicateReason {
    /** The same SIREN (a company) : refused, never only warned about. */
    SIREN,
    /** The same email address (a person). */
    EMAIL,
    /** The same phone number once reduced to its digits (national form). */
    PHONE,
    /** A similar name (pg_trgm similarity) in the same city. */
    NAME_CITY
}
