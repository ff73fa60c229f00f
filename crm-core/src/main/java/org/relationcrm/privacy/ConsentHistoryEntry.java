package org.relationcrm.privacy;

import java.time.Instant;

import org.relationcrm.client.ConsentSource;
import org.relationcrm.shared.Channel;

/**
 * One recorded consent of a person for one channel: given or withdrawn, when, by whom and through what.
 *
 * @param recordedBy     the user, null when none (an import, the history's first rows)
 * @param recordedByName their name when it was recorded
 */
public record ConsentHistoryEntry(Channel channel, boolean granted, Instant recordedAt, Long recordedBy,
                                  String recordedByName, ConsentSource source) {
}
