package org.relationcrm.client;

import java.time.Instant;

/** One line of the clients list. {@code status} and {@code ownerName} are null for a private person. */
public record ClientRow(
        ClientKind kind,
        long id,
        String name,
        String city,
        CompanyStatus status,
        String ownerName,
        String mainContactName,
        Instant lastInteractionAt,
        DataCompleteness completeness) {
}
