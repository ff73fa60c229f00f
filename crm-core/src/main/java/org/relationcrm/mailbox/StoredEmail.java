package org.relationcrm.mailbox;

import java.time.Instant;
import java.util.List;

/**
 * An email kept from the mailbox. In the queue's pages {@code body} is its beginning only
 * ({@link MailboxStore#EXCERPT} characters).
 */
public record StoredEmail(long id, long version, String messageId, EmailAddress sender, List<String> recipients,
                          String subject, String body, List<String> attachmentNames, Instant sentAt,
                          Instant receivedAt, Status status, Long interactionId) {

    /** Where an email is: on a timeline, waiting in the queue, or set aside by a user. */
    public enum Status { LOGGED, UNMATCHED, DISCARDED }

    public StoredEmail {
        recipients = List.copyOf(recipients);
        attachmentNames = List.copyOf(attachmentNames);
    }

    public boolean isUnmatched() {
        return status == Status.UNMATCHED;
    }
}
