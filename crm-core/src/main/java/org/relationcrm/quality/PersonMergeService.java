package org.relationcrm.quality;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.relationcrm.client.ClientService;
import org.relationcrm.client.ConsentRecording;
import org.relationcrm.client.ConsentSource;
import org.relationcrm.client.Contact;
import org.relationcrm.client.ContactDetails;
import org.relationcrm.client.ContactRepository;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;

/**
 * Merging two records of the same person (typed once by sales, once by support), and undoing it, as
 * {@link MergeService} does for companies: the survivor keeps its id and takes, field by field, the values chosen from
 * the loser (both records' important dates, notes and preferences are kept); every row that pointed at the loser now
 * points at the survivor; the loser's address redirects to the survivor; the company's timeline says who merged whom.
 * Both people must work for the same company (or both be private customers): a person who changed companies is
 * another record on purpose, and a company merge already brings two companies' people together first.
 */
@Service
@Transactional
public class PersonMergeService {

    /** Message codes of the rules said here (the web shows them). */
    public static final String SAME_PERSON = "quality.personMerge.same";
    public static final String OTHER_COMPANY = "quality.personMerge.otherCompany";

    private final ClientService clients;
    private final ContactRepository contacts;
    private final PersonMergeStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public PersonMergeService(ClientService clients, ContactRepository contacts, PersonMergeStore store,
                              ApplicationEventPublisher events, Clock clock) {
        this.clients = clients;
        this.contacts = contacts;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Why these two cannot be merged (a message code), or empty: the form asks before it is filled. */
    @Transactional(readOnly = true)
    public Optional<String> refusal(long survivorId, long loserId) {
        if (survivorId == loserId) {
            return Optional.of(SAME_PERSON);
        }
        return Objects.equals(clients.contact(survivorId).companyId(), clients.contact(loserId).companyId())
                ? Optional.empty() : Optional.of(OTHER_COMPANY);
    }

    /**
     * Merges {@code loserId} into {@code survivorId}, each as of the version the user saw; {@code fromLoser}: the
     * fields whose value the survivor takes from the loser. Returns the merge's id.
     */
    public long merge(long survivorId, long survivorVersion, long loserId, long loserVersion,
                      Set<PersonField> fromLoser, Actor actor) {
        actor.require(Permission.MERGE_CLIENTS);
        Optional<String> refused = refusal(survivorId, loserId);
        if (refused.isPresent()) {
            throw new RuleViolation(null, refused.get());
        }
        Contact survivor = clients.contact(survivorId);
        Contact loser = clients.contact(loserId);
        if (survivor.version() != survivorVersion) {
            throw new StaleEditException("Contact", survivorVersion, survivor.version());
        }
        ContactDetails merged = PersonField.pick(survivor.details(), loser.details(), fromLoser);
        String loserName = loser.fullName();
        Long companyId = survivor.companyId();
        boolean loserWasPrimary = loser.isPrimaryContact();
        long mergeId = store.merge(survivorId, loserId, loserVersion, fromLoser, actor.userId(), clock.instant());
        // a consent taken from the loser is recorded in the person's consent history as the merge's, by its author
        clients.reviseContact(survivorId, survivorVersion, merged,
                new ConsentRecording(ConsentSource.MERGE, actor.userId()));
        if (loserWasPrimary) { // the company keeps its first point of contact
            survivor.makePrimary();
        }
        events.publishEvent(new PeopleMerged(mergeId, companyId, survivorId, loserId, loserName, actor));
        return mergeId;
    }

    /** Puts both people back as they were before the merge, each with their own rows; within 30 days. */
    public void undo(long mergeId, Actor actor) {
        actor.require(Permission.MERGE_CLIENTS);
        PersonMergeRecord merge = store.find(mergeId).orElseThrow(() -> new NotFoundException("PersonMerge", mergeId));
        Instant now = clock.instant();
        if (merge.undone()) {
            throw new RuleViolation(null, MergeService.ALREADY_UNDONE);
        }
        if (!canStillUndo(merge, now)) {
            throw new RuleViolation(null, MergeService.UNDO_TOO_LATE, MergeService.UNDO_WINDOW.toDays());
        }
        if (contacts.findById(merge.survivorId()).isEmpty()) {
            throw new RuleViolation(null, MergeService.SURVIVOR_GONE);
        }
        Contact survivor = clients.contact(merge.survivorId());
        ContactDetails afterMerge = PersonField.pick(merge.survivorBefore(), merge.loserDetails(), merge.fromLoser());
        ContactDetails restored = PersonField.undo(merge.survivorBefore(), afterMerge, survivor.details());
        // the consent the survivor had is given back, and its history says so (the loser's own rows go back with it)
        clients.reviseContact(survivor.id(), survivor.version(), restored,
                new ConsentRecording(ConsentSource.MERGE_UNDONE, actor.userId()));
        if (!merge.survivorWasPrimary()) { // the loser, put back, takes its flag back (its row as it was)
            survivor.stopBeingPrimary();
        }
        store.undo(mergeId, actor.userId(), now);
        events.publishEvent(new PersonMergeUndone(mergeId, survivor.companyId(), merge.survivorId(), merge.loserId(),
                merge.loserName(), actor));
    }

    public boolean canStillUndo(PersonMergeRecord merge, Instant now) {
        return !merge.undone() && merge.mergedAt().plus(MergeService.UNDO_WINDOW).isAfter(now);
    }

    @Transactional(readOnly = true)
    public Optional<Long> survivorOf(long contactId) {
        return store.survivorOf(contactId);
    }

    @Transactional(readOnly = true)
    public Optional<PersonMergeRecord> find(long mergeId) {
        return store.find(mergeId);
    }

    /** The merges of people of the last 30 days (those that can still be undone, and those undone), newest first. */
    @Transactional(readOnly = true)
    public List<PersonMergeRecord> recent(int limit) {
        return store.recent(clock.instant().minus(MergeService.UNDO_WINDOW), limit);
    }
}
