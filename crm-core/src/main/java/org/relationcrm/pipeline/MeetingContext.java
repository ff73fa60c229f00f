package org.relationcrm.pipeline;

import java.time.Instant;
import java.util.List;

import org.relationcrm.client.ContactCard;
import org.relationcrm.client.UpcomingDate;
import org.relationcrm.shared.Channel;

/** The client context block of a meeting's preparation, filled in from the record. */
public record MeetingContext(List<ContactCard> attending, List<RecentInteraction> lastInteractions,
                             List<OpenComplaint> openComplaints, List<String> productsHeld,
                             List<OpportunityRow> openOpportunities, List<UpcomingDate> upcomingDates) {

    /** A complaint still open: what to be ready to talk about. */
    public record OpenComplaint(long id, String subject, String category, String severity, String description,
                                Instant openedAt) {
    }

    /** One of the last interactions with the client. */
    public record RecentInteraction(long id, Instant occurredAt, Channel channel, String eventType, String subject,
                                    String authorName, String outcome) {
    }
}
