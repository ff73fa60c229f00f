package org.relationcrm.interaction;

import org.relationcrm.shared.Channel;

/**
 * An interaction was logged (by hand, from a meeting's report, a complaint…). Published inside the logging
 * transaction; the operators' metrics count it once committed.
 */
public record InteractionLogged(long interactionId, Long companyId, Channel channel) {
}
