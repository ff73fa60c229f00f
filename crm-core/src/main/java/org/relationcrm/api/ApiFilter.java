package org.relationcrm.api;

import java.time.Instant;

/**
 * What a list is narrowed to; null means "any". {@code owner}: the owner (a deal's, a company's, a complaint's) or an
 * interaction's author; {@code status}: the status name (a deal's stage); {@code company}: the client;
 * {@code updatedSince}: written at or after (for a client that synchronises).
 */
public record ApiFilter(Long owner, String status, Long company, Instant updatedSince) {

    public static final ApiFilter NONE = new ApiFilter(null, null, null, null);
}
