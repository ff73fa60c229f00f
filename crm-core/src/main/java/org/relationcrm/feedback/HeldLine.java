package org.relationcrm.feedback;

import java.time.LocalDate;

/** A product line of the catalogue and whether this customer holds it (from a win or entered by ADV). */
public record HeldLine(long lineId, String code, String name, boolean held, String source, LocalDate since) {
}
