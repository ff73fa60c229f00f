package org.relationcrm.client;

/**
 * Who records a person's details and through what, for the consent history: a form of Relation by a user
 * ({@link #form(long)}), an import, the API.
 *
 * @param userId null when no user did it
 */
public record ConsentRecording(ConsentSource source, Long userId) {

    public ConsentRecording {
        java.util.Objects.requireNonNull(source, "source");
    }

    /** A user through one of Relation's pages. */
    public static ConsentRecording form(long userId) {
        return new ConsentRecording(ConsentSource.FORM, userId);
    }

    /** Through a page, by no known user (older callers and tests). */
    public static ConsentRecording unknownUser() {
        return new ConsentRecording(ConsentSource.FORM, null);
    }
}
