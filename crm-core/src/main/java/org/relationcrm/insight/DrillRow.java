package org.relationcrm.insight;

import java.time.Instant;

/**
 * One row behind a figure: a company (and who owns it), when, and the fact counted (a score, hours to resolve, the
 * status it went to), with the id of the complaint or survey when there is one.
 */
public record DrillRow(long companyId, String companyName, String ownerName, Instant at, String detail,
                       Double value, Long itemId) {
}
