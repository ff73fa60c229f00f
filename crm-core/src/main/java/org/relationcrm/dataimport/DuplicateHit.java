package org.relationcrm.dataimport;

/**
 * A record an import created that looks like another one already there, by the data-quality rules: for a company
 * ({@code recordId} and {@code otherId} are companies) the same phone (9 digits or more) or a similar name in the same
 * city ({@code reason} PHONE or NAME_CITY); for a person (both are people) the rules of the people's duplicates
 * list, inside one company (private customers together): {@code reason} lists them, strongest first, as in
 * {@code quality.PersonDuplicateReason} (EMAIL, PHONE, SAME_NAME, SIMILAR_NAME, comma-separated).
 */
public record DuplicateHit(long line, long recordId, String name, long otherId, String otherName, String reason) {
}
