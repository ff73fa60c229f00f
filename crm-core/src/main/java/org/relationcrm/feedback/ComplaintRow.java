package org.relationcrm.feedback;

import java.time.Instant;

/** A complaint as lists show it: the queue, the 360° card. {@code soonDue}: due within the next 20 % of its SLA. */
public record ComplaintRow(long id, long companyId, String companyName, String contactName, String subject,
                           ComplaintCategory category,
                           Severity severity, ComplaintStatus status, String ownerName, Instant openedAt,
                           Instant firstResponseDue, Instant firstResponseAt, Instant resolutionDue,
                           int escalationLevel, String escalationReason, boolean breached, boolean soonDue,
                           boolean responseBreached) {
}
