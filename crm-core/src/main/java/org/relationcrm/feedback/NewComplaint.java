package org.relationcrm.feedback;

import org.relationcrm.shared.Channel;

/** A complaint as the client voiced it. */
public record NewComplaint(long companyId, Long contactId, Channel channel, ComplaintCategory category,
                           Severity severity, String description) {
}
