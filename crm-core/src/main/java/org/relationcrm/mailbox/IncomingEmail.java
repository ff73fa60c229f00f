package org.relationcrm.mailbox;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An email as read from the mailbox, already turned into text: the IMAP reader of the web layer builds it, the
 * {@link MailboxService} files it. {@code to} and {@code cc} in the order of the headers; {@code sentAt} the Date
 * header (the reception time when there is none); {@code body} plain text (an HTML body is read as text).
 */
public record IncomingEmail(String messageId, EmailAddress from, List<EmailAddress> to, List<EmailAddress> cc,
                            String subject, String body, Instant sentAt, List<String> attachmentNames) {

    /** The longest Message-ID kept (a header line's limit). */
    public static final int MAX_MESSAGE_ID = 998;

    public IncomingEmail {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(sentAt, "sentAt");
        messageId = clean(messageId).strip();
        subject = clean(subject);
        body = clean(body);
        if (messageId.isEmpty() || messageId.length() > MAX_MESSAGE_ID) {
            throw new IllegalArgumentException("a Message-ID is 1 to " + MAX_MESSAGE_ID + " characters");
        }
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        attachmentNames = attachmentNames == null ? List.of()
                : attachmentNames.stream().map(IncomingEmail::clean).filter(n -> n != null && !n.isBlank())
                        .map(String::strip).toList();
    }

    /** Without NUL characters, which an email may carry and PostgreSQL's text cannot. */
    static String clean(String text) {
        return text == null || text.indexOf('\u0000') < 0 ? text : text.replace("\u0000", "");
    }

    /** The recipients, To first then Cc, each address once. */
    public List<EmailAddress> recipients() {
        Set<String> seen = new HashSet<>();
        return Stream.concat(to.stream(), cc.stream()).filter(a -> seen.add(a.address())).toList();
    }
}
