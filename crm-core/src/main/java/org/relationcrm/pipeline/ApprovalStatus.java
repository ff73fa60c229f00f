package org.relationcrm.pipeline;

/** Whether a concession needed a manager, and what the manager said. */
public enum ApprovalStatus {
    NOT_REQUIRED, PENDING, APPROVED, REJECTED
}
