package org.relationcrm.request;

import java.time.Instant;

import org.relationcrm.shared.Department;

/**
 * A request as lists and its page show it, with the names they need. {@code overdue}: still in the queue past its
 * due time (computed by the statement that read it).
 */
public record RequestRow(long id, long companyId, String companyName, RequestKind kind, RequestStatus status,
                         Department fromDepartment, Department toDepartment, String toUserName, long requesterId,
                         String requesterName, String handlerName, RequestSubject subject, Long subjectId,
                         String needed, Instant createdAt, Instant dueAt, Instant neededBy, boolean overdue,
                         Boolean useful, Instant ratedAt) {

    /** The page of the deal or complaint it is about, or null. */
    public String subjectPath() {
        return subject == null || subjectId == null ? null : subject.path(subjectId);
    }

    /** Done, and its requester has not rated the answer yet. */
    public boolean awaitingRating() {
        return status == RequestStatus.DONE && ratedAt == null;
    }
}
