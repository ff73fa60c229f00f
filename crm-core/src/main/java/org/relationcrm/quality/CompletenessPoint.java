package org.relationcrm.quality;

import java.time.LocalDate;

/** One day of one owner's completeness (or the team's, {@code ownerId} null): companies, average score, how many complete. */
public record CompletenessPoint(LocalDate day, Long ownerId, String ownerName, int companies, int average,
                                int complete) {
}
