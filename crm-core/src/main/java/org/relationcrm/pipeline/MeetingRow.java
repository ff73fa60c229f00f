package org.relationcrm.pipeline;

import java.time.Instant;

/** A prepared meeting in a list. */
public record MeetingRow(long id, long companyId, String companyName, Long opportunityId, String title,
                         Instant meetingAt, boolean reported) {
}
