package org.relationcrm.pipeline;

import java.time.Instant;
import java.util.Set;

import org.relationcrm.shared.SaneDates;

/** What a meeting's preparation says. */
public record MeetingPlan(String title, Instant meetingAt, Set<Long> contactIds, String objectives, String agenda,
                          String questions, String objections) {

    public MeetingPlan {
        contactIds = contactIds == null ? Set.of() : Set.copyOf(contactIds);
        SaneDates.require(meetingAt, "meetingAt");
    }
}
