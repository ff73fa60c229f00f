package org.relationcrm.segment;

import org.relationcrm.client.CompanyStatus;

/** A client a segment keeps, as its page lists it (by name, keyset on {@code (sortName, id)}). */
public record SegmentClient(long id, String name, String city, CompanyStatus status, String ownerName,
                            String sortName) {
}
