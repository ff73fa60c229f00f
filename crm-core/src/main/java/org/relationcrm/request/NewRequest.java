package org.relationcrm.request;

import java.time.Instant;

import org.relationcrm.shared.Department;

/**
 * What a requester asks: about a client (and optionally a deal or a complaint), to a department or a person in it,
 * the kind, what is needed, and optionally by when.
 */
public record NewRequest(long companyId, RequestSubject subject, Long subjectId, Department toDepartment,
                         Long toUserId, RequestKind kind, String needed, Instant neededBy) {
}
