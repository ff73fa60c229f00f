package org.relationcrm.client;

/**
 * Where a consent change came from, kept in the consent history (GDPR: proof of consent says how it was given).
 * The pages of Relation record {@link #FORM}; an import, the API or a user noting what a client said by email or on
 * the phone say so. {@link #INITIAL} marks the consents a person already had when the history began (migration V81); {@link #ERASURE} the consents withdrawn when the person was anonymised.
 * {@link #MERGE}: the person took the other record's consent when two records of them were merged (the user chose it
 * on the merge form); {@link #MERGE_UNDONE}: the consent they had before, given back when that merge was undone.
 */
public enum ConsentSource {
    FORM, IMPORT, API, EMAIL, PHONE, INITIAL, ERASURE, MERGE, MERGE_UNDONE
}
