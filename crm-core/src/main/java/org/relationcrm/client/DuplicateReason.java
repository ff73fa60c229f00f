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
    NAME_CITY;

    /**
     * How alike two company names must be (pg_trgm similarity, 0 to 1) to count as {@link #NAME_CITY}: 0.6 keeps
     * "Garage Dupont" / "Garage Dupond" (0.75) and leaves "Menuiserie Caron" / "Menuiserie Nul" (0.52), two firms of
     * one trade in one town. The form's hints and the duplicates list both read it.
     */
    public static final double COMPANY_NAME_SIMILARITY = 0.6;
    /** The same for people, whose names are shorter. */
    public static final double PERSON_NAME_SIMILARITY = 0.6;
}
