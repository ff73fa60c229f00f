package org.relationcrm.api;

import java.time.Instant;

/**
 * What a list is narrowed to; null means "any". {@code owner}: the owner (a deal's, a company's, a complaint's), an
 * interaction's author, an order's taker, a request's requester; {@code status}: the status name (a deal's stage);
 * {@code company}: the client; {@code updatedSince}: written at or after (for a client that synchronises);
 * {@code kind}: the kind name (a request's); {@code department}: the department it is addressed to (a request's).
 */
public record ApiFilter(Long owner, String status, Long company, Instant updatedSince, String kind,
                        String department) {

    public static final ApiFilter NONE = new ApiFilter(null, null, null, null);

    /** The filters every list takes. */
    public ApiFilter(Long owner, String status, Long company, Instant updatedSince) {
        this(owner, status, company, updatedSince, null, null);
    }
}
