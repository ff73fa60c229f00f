package org.relationcrm.mailbox.web;

import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import jakarta.mail.UIDFolder;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.relationcrm.mailbox.IncomingEmail;
import org.relationcrm.mailbox.MailboxService;
import org.relationcrm.mailbox.MailboxService.Filed;

/**
 * Reads the dropbox over IMAP every {@code relation.mailbox.poll-interval}, on one node at a time: the messages
 * whose UID comes after the last one read in the folder (read-only: flags are left as they are), each filed by
 * {@link MailboxService#receive} in its own transaction. An email whose filing fails is kept in the queue of unmatched
 * emails (and logged), so that it is neither lost nor read again; a connection that fails is tried again at the next
 * reading, from where the last one stopped. A new UIDVALIDITY (the folder rebuilt) reads the folder again from its
 * start, Message-IDs keeping out the emails already filed.
 */
@Component
@ConditionalOnExpression("!'${relation.mailbox.host:}'.isBlank()")
class MailboxPoller {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);
    private static final int TIMEOUT_MS = 30_000;

    private final MailboxSettings settings;
    private final MailboxService mailbox;
    private final Clock clock;

    MailboxPoller(MailboxSettings settings, MailboxService mailbox, Clock clock) {
        this.settings = settings;
        this.mailbox = mailbox;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${relation.mailbox.poll-interval:PT1M}",
            initialDelayString = "${relation.mailbox.poll-interval:PT1M}")
    @SchedulerLock(name = "mailbox-poll", lockAtMostFor = "PT15M")
    void scheduled() {
        try {
            poll();
        } catch (MessagingException | RuntimeException e) {
            log.warn("Reading the mailbox {}@{}:{} failed, tried again at the next reading: {}",
                    settings.username(), settings.host(), settings.port(), e.toString());
        }
    }

    /** One reading: how many new emails went where. */
    Map<Filed, Integer> poll() throws MessagingException {
        Map<Filed, Integer> counts = new EnumMap<>(Filed.class);
        Session session = Session.getInstance(properties());
        try (Store store = session.getStore(settings.protocol())) {
            store.connect(settings.host(), settings.port(), settings.username(), settings.password());
            Folder folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_ONLY);
            try {
                UIDFolder uids = (UIDFolder) folder;
                long validity = uids.getUIDValidity();
                long last = mailbox.lastUid(settings.folder(), validity).orElse(0);
                Message[] messages = uids.getMessagesByUID(last + 1, UIDFolder.MAXUID);
                // "n:*" always names the newest message, even when its UID is below n
                Message[] fresh = Arrays.stream(messages).filter(m -> uid(uids, m) > last)
                        .sorted(Comparator.comparingLong(m -> uid(uids, m)))
                        .limit(settings.batchSize())
                        .toArray(Message[]::new);
                for (Message message : fresh) {
                    counts.merge(file(message), 1, Integer::sum);
                    mailbox.rememberUid(settings.folder(), validity, uid(uids, message));
                }
            } finally {
                folder.close(false);
            }
        }
        if (!counts.isEmpty()) {
            log.info("Mailbox read: {}", counts);
        }
        return counts;
    }

    private Filed file(Message message) {
        IncomingEmail email;
        try {
            email = EmailReader.read(message, clock.instant());
        } catch (FolderClosedException | StoreClosedException e) {
            // the connection was lost, not the email: the next reading starts again from this one
            throw new IllegalStateException("connection to the mailbox lost", e);
        } catch (Exception e) {
            log.warn("An email of the mailbox could not be read, skipped: {}", e.toString());
            return Filed.UNREADABLE;
        }
        try {
            return mailbox.receive(email);
        } catch (RuntimeException e) {
            log.warn("Email {} could not be filed on a timeline, kept in the queue: {}", email.messageId(), e.toString());
        }
        try {
            return mailbox.keepUnmatched(email);
        } catch (RuntimeException e) {
            log.warn("Email {} could not be kept, skipped: {}", email.messageId(), e.toString());
            return Filed.UNREADABLE;
        }
    }

    private static long uid(UIDFolder folder, Message message) {
        try {
            return folder.getUID(message);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        String prefix = "mail." + settings.protocol() + ".";
        p.setProperty(prefix + "connectiontimeout", String.valueOf(TIMEOUT_MS));
        p.setProperty(prefix + "timeout", String.valueOf(TIMEOUT_MS));
        p.setProperty(prefix + "writetimeout", String.valueOf(TIMEOUT_MS));
        // fetch the headers and structure of a batch in one round trip
        p.setProperty(prefix + "partialfetch", "true");
        return p;
    }
}
