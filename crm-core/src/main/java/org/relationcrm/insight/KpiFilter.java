package org.relationcrm.insight;

import java.util.Objects;

import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;

/**
 * What the dashboard counts: a period (compared with the previous one) and optionally the clients of one owner, of
 * the owners of one department, and one channel (for exchanges, complaints and acquisition costs; the other
 * figures have no channel). The client set is said by owner today; a saved segment will be one more criterion here
 * ({@code segmentId}), read by the queries from the per-company tables instead of the per-owner rollups.
 */
public record KpiFilter(Period period, Long ownerId, Department department, Channel channel) {

    public KpiFilter {
        Objects.requireNonNull(period, "period");
    }

    /** The same filter over another period. */
    public KpiFilter over(Period other) {
        return new KpiFilter(other, ownerId, department, channel);
    }

    /** The same filter restricted to one owner's clients. */
    public KpiFilter ownedBy(long owner) {
        return new KpiFilter(period, owner, null, channel);
    }
}
