package org.relationcrm.mailbox.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dropbox mailbox ({@code relation.mailbox.*}): the IMAP account that people BCC or forward their client emails
 * to. Reading is off while {@code host} is empty.
 *
 * @param host         the IMAP server; empty: the mailbox is not read
 * @param port         993 for IMAPS, 143 for IMAP
 * @param username     the account's user name
 * @param password     the account's password
 * @param folder       the folder read (INBOX)
 * @param ssl          IMAPS (TLS from the start) rather than plain IMAP
 * @param pollInterval the time between two readings
 * @param batchSize    at most this many new emails are filed per reading (the next reading goes on)
 */
@ConfigurationProperties("relation.mailbox")
public record MailboxSettings(String host, Integer port, String username, String password, String folder,
                              Boolean ssl, Duration pollInterval, Integer batchSize) {

    public MailboxSettings {
        host = host == null ? "" : host.strip();
        ssl = ssl == null || ssl;
        port = port == null ? (ssl ? 993 : 143) : port;
        folder = folder == null || folder.isBlank() ? "INBOX" : folder.strip();
        pollInterval = pollInterval == null ? Duration.ofMinutes(1) : pollInterval;
        batchSize = batchSize == null || batchSize < 1 ? 200 : batchSize;
    }

    public boolean enabled() {
        return !host.isEmpty();
    }

    /** The Jakarta Mail protocol. */
    String protocol() {
        return ssl ? "imaps" : "imap";
    }
}
