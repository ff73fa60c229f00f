package org.relationcrm.interaction;

/**
 * A domain event that belongs on a client's timeline. The publishing feature says what the entry is
 * ({@link #timelineEvent()}); the timeline feature writes it ({@link TimelineRecorder}), synchronously, in the
 * publisher's transaction: an action and its line on the timeline commit together or not at all.
 * <p>
 * The dependency goes from the publishing features to this interface, never from the timeline to them: features
 * that log exchanges (a meeting's report) or record events never form a cycle with it.
 */
public interface OnTimeline {

    TimelineEvent timelineEvent();
}
