package org.relationcrm.segment.persistence;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.stereotype.Repository;

import org.relationcrm.shared.persistence.CompanySubsets;

/**
 * The segments as subsets of the clients list (a filter there): a segment's companies as a statement, the same
 * criteria as its own page ({@link SegmentSql}). Who may apply which segment is checked before (the list offers the
 * reader's own and the shared ones only).
 */
@Repository
class SqlCompanySubsets implements CompanySubsets {

    /** The segment's parameters in the list's statement: {@code :seg_status}, {@code :seg_ownerId}... */
    static final String PREFIX = "seg_";

    private final SpringDataSegmentRepository segments;
    private final Clock clock;

    SqlCompanySubsets(SpringDataSegmentRepository segments, Clock clock) {
        this.segments = segments;
        this.clock = clock;
    }

    @Override
    public Optional<CompanyIds> companyIds(long subsetId) {
        return segments.findById(subsetId).map(segment -> new SegmentSql(segment.criteria(), LocalDate.now(clock),
                clock.instant()).companyIds(PREFIX));
    }
}
