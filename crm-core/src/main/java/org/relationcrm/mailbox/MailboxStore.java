package org.relationcrm.mailbox;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import org.relationcrm.shared.Slice;

/** The emails kept from the mailbox (table mailbox_message, V79) and where the reading stopped (V80). SQL. */
public interface MailboxStore {

    /** How much of an email's body the queue's pages read. */
    int EXCERPT = 400;

    /**
     * Keeps the email as unmatched, unless one with the same Message-ID is kept already: its id, or empty for such a
     * duplicate (checked by the table's unique key, so two readers at once keep one).
     */
    Optional<Long> keep(IncomingEmail email, String subject, String body, Instant receivedAt);

    /** The unmatched email, as seen at {@code expectedVersion}, became the interaction; false if it changed since. */
    boolean logged(long id, long expectedVersion, long interactionId, Long handledBy, Instant at);

    /** The unmatched email, as seen at {@code expectedVersion}, is set aside; false if it changed since. */
    boolean discard(long id, long expectedVersion, long handledBy, Instant at);

    Optional<StoredEmail> find(long id);

    /** The unmatched emails, newest first, after the one with id {@code afterId} (null: from the newest). */
    Slice<StoredEmail, Long> unmatched(Long afterId, int limit);

    /** The last UID read in the folder while its UIDVALIDITY is this one. */
    OptionalLong lastUid(String folder, long uidValidity);

    void rememberUid(String folder, long uidValidity, long uid, Instant at);
}
