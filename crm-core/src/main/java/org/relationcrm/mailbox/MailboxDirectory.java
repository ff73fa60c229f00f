package org.relationcrm.mailbox;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;

/** Whose the addresses of an email are: the clients' people, the team's users. Implemented in SQL. */
public interface MailboxDirectory {

    /** The people with one of these (lower-cased) emails, with their company and its owner. */
    List<KnownPerson> people(Collection<String> addresses);

    /** The users with one of these (lower-cased) emails. */
    List<KnownUser> users(Collection<String> addresses);

    Optional<KnownUser> user(long userId);

    /** A person of a client (a private customer has no company, hence no owner). */
    record KnownPerson(long contactId, Long companyId, String email, Long ownerId) {
    }

    /** A user of the team. */
    record KnownUser(long userId, String email, Actor actor, boolean enabled) {

        /** Whether an email may be logged in their name: an active user who logs interactions. */
        public boolean mayAuthor() {
            return enabled && actor.can(Permission.LOG_INTERACTIONS);
        }
    }
}
