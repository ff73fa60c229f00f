package org.relationcrm.insight;

import org.relationcrm.shared.Channel;

/**
 * Complaints resolved in a period, per channel and severity (both null: all of them), with their mean and median
 * resolution time in hours; and those opened in it with their mean and median time to the first response.
 */
public record ComplaintTimes(Channel channel, String severity, long resolved, Double meanHours, Double medianHours,
                             long responded, Double meanFirstResponseHours, Double medianFirstResponseHours) {

    public boolean isTotal() {
        return channel == null && severity == null;
    }
}
