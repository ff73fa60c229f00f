package org.relationcrm.quality;

/** Why two people of one company look like one person; the strongest first. */
public enum PersonDuplicateReason {
    /** The same email address, whatever its case. */
    EMAIL,
    /** The same phone number (phone or mobile, either way round) once reduced to its digits. */
    PHONE,
    /** The same full name once folded (case, accents): "Hélène Dupont" and "helene dupont". */
    SAME_NAME,
    /**
     * A similar name (pg_trgm similarity at least {@link org.relationcrm.client.DuplicateReason#PERSON_NAME_SIMILARITY},
     * the threshold the forms' hints use): "Dupont Hélène" and "Dupond Helene".
     */
    SIMILAR_NAME
}
