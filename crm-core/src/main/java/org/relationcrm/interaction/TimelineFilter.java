package org.relationcrm.interaction;

import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;

/**
 * Narrows a timeline to one channel, one department and/or entries holding some words (in their subject, what
 * was said, the outcome, the next step or an event's details; accents and case ignored); nulls mean "all".
 */
public record TimelineFilter(Channel channel, Department department, String text) {

    /** Longer words are cut there: nobody types a paragraph to find an entry. */
    public static final int MAX_TEXT = 100;

    public TimelineFilter {
        text = text == null || text.isBlank() ? null : text.strip();
        if (text != null && text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
    }

    public TimelineFilter(Channel channel, Department department) {
        this(channel, department, null);
    }

    public static TimelineFilter none() {
        return new TimelineFilter(null, null, null);
    }

    public boolean isEmpty() {
        return channel == null && department == null && text == null;
    }
}
