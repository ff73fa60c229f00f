package org.relationcrm.insight;

import java.util.Objects;

import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;

/**
 * What the dashboard counts: a period (compared with the previous one) and optionally the clients of one owner, of
 * the owners of one department, of a saved segment ({@code segmentId}: the companies it holds today, checked as
 * usable by the reader before it is asked for), and one channel (for exchanges, complaints and acquisition costs;
 * the other figures have no channel). Without a segment the figures add up the per-owner monthly rollups; with one
 * they are counted from the segment's own rows.
 */
public record KpiFilter(Period period, Long ownerId, Department department, Channel channel, Long segmentId) {

    public KpiFilter {
        Objects.requireNonNull(period, "period");
    }

    public KpiFilter(Period period, Long ownerId, Department department, Channel channel) {
        this(period, ownerId, department, channel, null);
    }

    /** The same filter over another period. */
    public KpiFilter over(Period other) {
        return new KpiFilter(other, ownerId, department, channel, segmentId);
    }

    /** The same filter restricted to one owner's clients. */
    public KpiFilter ownedBy(long owner) {
        return new KpiFilter(period, owner, null, channel, segmentId);
    }

    /** The same filter restricted to a segment's clients. */
    public KpiFilter withSegment(Long segment) {
        return new KpiFilter(period, ownerId, department, channel, segment);
    }

    /** Whether the whole team's clients are counted (acquisition costs belong to no owner and no segment). */
    public boolean wholeTeam() {
        return ownerId == null && department == null && segmentId == null;
    }
}
