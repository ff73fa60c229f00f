package org.relationcrm.mailbox;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.Interaction;
import org.relationcrm.mailbox.MailboxDirectory.KnownPerson;
import org.relationcrm.mailbox.MailboxDirectory.KnownUser;

/**
 * Which client an email is with, which way it went and in whose name it is logged, from the addresses alone.
 * <ul>
 * <li>Sent by a user to one of the clients' people: OUTBOUND, on the client of the first such recipient (To before
 * Cc), logged in the sender's name.</li>
 * <li>Sent by a person of a client: INBOUND on that client, logged in the name of the first user it was addressed to
 * (the one who received it), else of the client's owner.</li>
 * <li>The people named are those of that client among the sender and recipients.</li>
 * <li>When the author found may not log interactions (disabled, an administrator), the client's owner is tried;
 * else, and when no address is known, the email waits in the queue.</li>
 * </ul>
 * An address shared by several people counts for the oldest record. An address that is a user's is a user's.
 */
public record MailMatch(Long companyId, Set<Long> contactIds, Direction direction, KnownUser author) {

    public static Optional<MailMatch> of(IncomingEmail email, List<KnownPerson> knownPeople, List<KnownUser> knownUsers,
                                         LongFunction<Optional<KnownUser>> userById) {
        Map<String, KnownPerson> people = knownPeople.stream()
                .sorted(Comparator.comparingLong(KnownPerson::contactId))
                .collect(Collectors.toMap(KnownPerson::email, p -> p, (first, later) -> first));
        Map<String, KnownUser> users = knownUsers.stream()
                .collect(Collectors.toMap(KnownUser::email, u -> u, (first, later) -> first));
        String sender = email.from().address();
        List<String> recipients = email.recipients().stream().map(EmailAddress::address).toList();

        KnownUser senderUser = users.get(sender);
        if (senderUser != null) {
            Optional<KnownPerson> client = recipients.stream().filter(a -> !users.containsKey(a))
                    .map(people::get).filter(Objects::nonNull).findFirst();
            return client.flatMap(c -> author(Optional.of(senderUser), c, userById)
                    .map(a -> new MailMatch(c.companyId(), named(c, recipients, people, users), Direction.OUTBOUND, a)));
        }
        KnownPerson senderPerson = people.get(sender);
        if (senderPerson == null) {
            return Optional.empty();
        }
        Optional<KnownUser> addressee = recipients.stream().map(users::get).filter(Objects::nonNull)
                .filter(KnownUser::mayAuthor).findFirst();
        List<String> everyone = new java.util.ArrayList<>(recipients);
        everyone.addFirst(sender);
        return author(addressee, senderPerson, userById)
                .map(a -> new MailMatch(senderPerson.companyId(), named(senderPerson, everyone, people, users),
                        Direction.INBOUND, a));
    }

    /** The people of the client among these addresses, at most as many as an interaction names. */
    private static Set<Long> named(KnownPerson client, List<String> addresses, Map<String, KnownPerson> people,
                                   Map<String, KnownUser> users) {
        Set<Long> ids = new LinkedHashSet<>();
        ids.add(client.contactId());
        addresses.stream().filter(a -> !users.containsKey(a)).map(people::get).filter(Objects::nonNull)
                .filter(p -> Objects.equals(p.companyId(), client.companyId()))
                .map(KnownPerson::contactId)
                .forEach(ids::add);
        return ids.stream().limit(Interaction.MAX_CONTACTS).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Optional<KnownUser> author(Optional<KnownUser> first, KnownPerson client,
                                              LongFunction<Optional<KnownUser>> userById) {
        if (first.isPresent() && first.get().mayAuthor()) {
            return first;
        }
        if (client.ownerId() == null) {
            return Optional.empty();
        }
        return userById.apply(client.ownerId()).filter(KnownUser::mayAuthor);
    }
}
