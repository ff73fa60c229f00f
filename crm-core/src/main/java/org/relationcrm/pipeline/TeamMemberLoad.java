package org.relationcrm.pipeline;

import java.time.LocalDate;

/** A teammate's late work, as a manager's "My day" lists it: late follow-ups and deal next steps, the oldest due. */
public record TeamMemberLoad(long userId, String fullName, long late, LocalDate oldestDue) {
}
