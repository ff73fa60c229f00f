package org.relationcrm.audit;

/** What the audit log records (each shown through the messages, {@code audit.action.<NAME>}). */
public enum AuditAction {
    /** A user signed in (the login form). */
    LOGIN,
    /** A sign-in failed: the username typed (never the password) and the address. */
    LOGIN_FAILED,
    /** A user signed out. */
    LOGOUT,
    /** A list or segment was exported to a file (details: what, how many rows). */
    EXPORT,
    /** A file was imported (details: the file, rows imported and rejected). */
    IMPORT,
    /** An administrator changed a user's role, department or access (subject: the user). */
    ROLE_CHANGED,
    /** Everything held about a person was exported (GDPR right of access; subject: the person). */
    PERSON_DATA_EXPORTED,
    /** A person was anonymised (GDPR right to erasure; subject: the person). */
    PERSON_ANONYMISED,
    /** A person's anonymisation was refused for legal holds (details: each hold and its reference). */
    PERSON_ANONYMISATION_REFUSED
}
