package org.relationcrm.privacy;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An interaction the person took part in, as exported. {@code kind} EXCHANGE (a call, an email…) or EVENT (a line
 * written by the application); {@code eventType} says which event.
 */
public record ExportedInteraction(long id, Instant occurredAt, String kind, String eventType, String channel,
                                  String direction, String authorName, String subject, String summary,
                                  String outcome, String nextStep, LocalDate nextStepDue) {
}
