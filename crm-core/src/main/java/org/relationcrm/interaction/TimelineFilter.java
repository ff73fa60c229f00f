package org.relationcrm.interaction;

import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;

/** Narrows a timeline to one channel and/or one department; nulls mean "all". */
public record TimelineFilter(Channel channel, Department department) {

    public static TimelineFilter none() {
        return new TimelineFilter(null, null);
    }
}
