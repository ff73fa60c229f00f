package org.relationcrm.mailbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.relationcrm.client.Contact;
import org.relationcrm.client.ContactRepository;
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.Interaction;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.LogInteraction;
import org.relationcrm.mailbox.MailboxDirectory.KnownUser;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.shared.ReadModel;
import org.relationcrm.shared.SaneDates;
import org.relationcrm.shared.Slice;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;

/**
 * Files the emails read from the dropbox: each one on its client's timeline as an EMAIL interaction
 * ({@link MailMatch} says which client, which way, whose), or in the queue of unmatched emails, where a user assigns
 * it to a client or discards it. A Message-ID already kept is ignored.
 */
@Service
@Transactional
public class MailboxService {

    /** Unmatched emails per page of the queue. */
    public static final int QUEUE_PAGE = 20;
    /** What an interaction's subject says when the email had none (no words to translate). */
    static final String NO_SUBJECT = "—";
    /** A sender's clock a little ahead is tolerated by the interaction; further ahead, the email is dated now. */
    static final Duration AHEAD = Duration.ofMinutes(4);

    /** What became of an email read from the mailbox (UNREADABLE: not even kept, its error logged). */
    public enum Filed { LOGGED, UNMATCHED, DUPLICATE, UNREADABLE }

    private final MailboxStore store;
    private final MailboxDirectory directory;
    private final InteractionService interactions;
    private final ContactRepository contacts;
    private final Clock clock;

    public MailboxService(MailboxStore store, MailboxDirectory directory, InteractionService interactions,
                          ContactRepository contacts, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.interactions = interactions;
        this.contacts = contacts;
        this.clock = clock;
    }

    /** Keeps the email, and logs it on its client's timeline when its addresses say which. */
    public Filed receive(IncomingEmail email) {
        Instant now = clock.instant();
        Optional<Long> kept = store.keep(email, subjectOf(email.subject()), bodyOf(email.body()), now);
        if (kept.isEmpty()) {
            return Filed.DUPLICATE;
        }
        List<String> addresses = Stream.concat(Stream.of(email.from()), email.recipients().stream())
                .map(EmailAddress::address).distinct().toList();
        Optional<MailMatch> match = MailMatch.of(email, directory.people(addresses), directory.users(addresses),
                directory::user);
        if (match.isEmpty()) {
            return Filed.UNMATCHED;
        }
        MailMatch m = match.get();
        Interaction logged = interactions.log(entry(m.companyId(), m.contactIds(), m.direction(), email.sentAt(),
                subjectOf(email.subject()), bodyOf(email.body()), email.attachmentNames(), now), m.author().actor());
        store.logged(kept.get(), 0, logged.id(), null, now);
        return Filed.LOGGED;
    }

    /**
     * Keeps the email in the queue without trying to match it, in a transaction of its own: what the reader does
     * with an email whose filing failed, so that it is neither lost nor read again and again.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Filed keepUnmatched(IncomingEmail email) {
        return store.keep(email, subjectOf(email.subject()), bodyOf(email.body()), clock.instant()).isPresent()
                ? Filed.UNMATCHED : Filed.DUPLICATE;
    }

    /** The unmatched emails, newest first, after the cursor (null: from the newest). */
    @ReadModel
    public Slice<StoredEmail, Long> unmatched(Long after) {
        return store.unmatched(after, QUEUE_PAGE);
    }

    @Transactional(readOnly = true)
    public StoredEmail get(long emailId) {
        return store.find(emailId).orElseThrow(() -> new NotFoundException("Email", emailId));
    }

    /**
     * A user says which client an unmatched email is with (and which of its people, if one): it becomes an EMAIL
     * interaction, OUTBOUND when a user sent it. Logged in the sender's name when that user may log interactions,
     * else in the assigning user's. Refused with {@link StaleEditException} when someone else assigned or discarded
     * it since the user saw it.
     */
    public Interaction assign(long emailId, long expectedVersion, long companyId, Long contactId, Actor actor) {
        actor.require(Permission.LOG_INTERACTIONS);
        StoredEmail email = get(emailId);
        if (!email.isUnmatched() || email.version() != expectedVersion) {
            throw new StaleEditException("Email", expectedVersion, email.version());
        }
        if (contactId != null) {
            Contact person = contacts.findById(contactId).orElseThrow(() -> new NotFoundException("Contact", contactId));
            if (!Long.valueOf(companyId).equals(person.companyId())) {
                throw new IllegalArgumentException("the person is not one of the client's");
            }
        }
        Optional<KnownUser> sender = directory.users(List.of(email.sender().address())).stream().findFirst();
        Direction direction = sender.isPresent() ? Direction.OUTBOUND : Direction.INBOUND;
        Actor author = sender.filter(KnownUser::mayAuthor).map(KnownUser::actor).orElse(actor);
        Instant now = clock.instant();
        Interaction logged = interactions.log(entry(companyId, contactId == null ? Set.of() : Set.of(contactId),
                direction, email.sentAt(), email.subject(), email.body(), email.attachmentNames(), now), author);
        if (!store.logged(emailId, expectedVersion, logged.id(), actor.userId(), now)) {
            throw new StaleEditException("Email", expectedVersion, expectedVersion + 1);
        }
        return logged;
    }

    /** A user sets an unmatched email aside (a newsletter, an internal email): it leaves the queue. */
    public void discard(long emailId, long expectedVersion, Actor actor) {
        actor.require(Permission.LOG_INTERACTIONS);
        StoredEmail email = get(emailId);
        if (!email.isUnmatched() || !store.discard(emailId, expectedVersion, actor.userId(), clock.instant())) {
            throw new StaleEditException("Email", expectedVersion, email.version());
        }
    }

    /** The last UID read in an IMAP folder, while it keeps this UIDVALIDITY. */
    @Transactional(readOnly = true)
    public OptionalLong lastUid(String folder, long uidValidity) {
        return store.lastUid(folder, uidValidity);
    }

    public void rememberUid(String folder, long uidValidity, long uid) {
        store.rememberUid(folder, uidValidity, uid, clock.instant());
    }

    private LogInteraction entry(Long companyId, Set<Long> contactIds, Direction direction, Instant sentAt,
                                 String subject, String body, List<String> attachments, Instant now) {
        Instant occurred = sentAt.isAfter(now.plus(AHEAD)) || !SaneDates.contains(sentAt) ? now : sentAt;
        return new LogInteraction(companyId, contactIds, Channel.EMAIL, direction, occurred, subject,
                summaryOf(body, attachments), null, null, null, null);
    }

    /** The email's subject as an interaction's: within its limit, never blank. */
    static String subjectOf(String subject) {
        String text = subject == null ? "" : subject.replaceAll("\\s+", " ").strip();
        return text.isEmpty() ? NO_SUBJECT : cut(text, Interaction.MAX_SUBJECT);
    }

    /** The body as kept: within an interaction's summary limit. */
    static String bodyOf(String body) {
        return body == null || body.isBlank() ? null : cut(body.strip(), Interaction.MAX_SUMMARY);
    }

    /** The body, then a paper clip and the attachments' names, within the summary's limit. */
    static String summaryOf(String body, List<String> attachments) {
        String names = attachments.isEmpty() ? "" : cut("\uD83D\uDCCE " + String.join(", ", attachments), 1_000);
        if (body == null || body.isBlank()) {
            return names.isEmpty() ? null : names;
        }
        if (names.isEmpty()) {
            return cut(body.strip(), Interaction.MAX_SUMMARY);
        }
        return cut(body.strip(), Interaction.MAX_SUMMARY - names.length() - 2) + "\n\n" + names;
    }

    /** At most {@code max} characters, an ellipsis ending a cut text, never half a surrogate pair. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end).stripTrailing() + "…";
    }
}
