package org.relationcrm.feedback;

import org.relationcrm.shared.Channel;

/** A complaint as the client voiced it: a subject to recognise it by, and the client's words. */
public record NewComplaint(long companyId, Long contactId, Channel channel, ComplaintCategory category,
                           Severity severity, String subject, String description) {
}
