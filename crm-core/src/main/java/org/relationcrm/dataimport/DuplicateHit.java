package org.relationcrm.dataimport;

/**
 * A company an import wrote that looks like another one already there, by the data-quality rules: the same phone
 * (9 digits or more), or a similar name in the same city ({@code reason} PHONE or NAME_CITY).
 */
public record DuplicateHit(long line, long companyId, String name, long otherId, String otherName, String reason) {
}
