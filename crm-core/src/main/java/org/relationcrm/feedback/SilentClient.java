package org.relationcrm.feedback;

import java.time.Instant;
import java.time.LocalDate;

/** A customer nobody has talked to for too long. */
public record SilentClient(long companyId, String companyName, String ownerName, Instant lastInteractionAt,
                           LocalDate lastWonOn, Integer silentDays) {
}
