package org.relationcrm.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.relationcrm.client.ClientService;
import org.relationcrm.client.Contact;
import org.relationcrm.client.ContactDetails;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;

/**
 * A person's GDPR rights, for whoever may {@link Permission#HANDLE_PRIVACY_REQUESTS}: the privacy page, the export
 * of everything held about them, and their erasure by anonymisation. Each export, erasure and refusal is published
 * ({@link PersonDataExported}, {@link PersonAnonymised}, {@link PersonAnonymisationRefused}) for the audit log.
 */
@Service
@Transactional
public class PrivacyService {

    /** Interactions read per statement while exporting (keyset pages, so a long history streams). */
    static final int EXPORT_PAGE = 500;
    /** Names shorter than this are not searched for in free texts: "Li" would erase every "li" of a word. */
    static final int MIN_NAME_LENGTH = 2;

    private final ClientService clients;
    private final PrivacyQueries queries;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public PrivacyService(ClientService clients, PrivacyQueries queries, ApplicationEventPublisher events,
                          Clock clock) {
        this.clients = clients;
        this.queries = queries;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PersonPrivacy page(long personId, Actor actor) {
        actor.require(Permission.HANDLE_PRIVACY_REQUESTS);
        Contact person = clients.contact(personId);
        String companyName = person.companyId() == null ? null : clients.company(person.companyId()).details().name();
        return new PersonPrivacy(personId, person.version(), person.isAnonymised() ? null : person.fullName(),
                person.companyId(), companyName, person.consent(), person.anonymisedAt(),
                queries.consentHistory(personId),
                person.isAnonymised() ? List.of() : queries.legalHolds(personId, person.companyId()));
    }

    /**
     * Everything held about the person but their interactions ({@link #interactions}, streamed after it); the
     * export is published as done by {@code actor}.
     */
    public PersonFile file(long personId, Actor actor, PersonDataExported.ExportFormat format) {
        actor.require(Permission.HANDLE_PRIVACY_REQUESTS);
        Contact person = clients.contact(personId);
        ContactDetails d = person.details();
        String companyName = person.companyId() == null ? null : clients.company(person.companyId()).details().name();
        var dates = d.importantDates().stream()
                .map(date -> new PersonFile.ImportantDate(date.label(), date.date())).toList();
        var who = new PersonFile.Person(personId, person.companyId(), companyName, person.isPrimaryContact(),
                d.civility(), d.firstName(), d.lastName(), d.preferredName(), d.jobTitle(), d.email(), d.phone(),
                d.mobile(), d.city(), d.preferredChannel(), d.language(), dates, d.personalNotes(), d.preferences(),
                d.consent(), person.createdAt(), person.anonymisedAt());
        List<PersonFile.Request> requests = person.companyId() == null || person.isAnonymised() ? List.of()
                : queries.requestsMentioning(person.companyId(), namesOf(d));
        events.publishEvent(new PersonDataExported(personId, actor, format));
        return new PersonFile(clock.instant(), who, queries.consentHistory(personId), queries.complaints(personId),
                queries.surveyAnswers(personId), queries.orders(personId), requests);
    }

    /** Hands every interaction involving the person to {@code each}, newest first, a keyset page at a time. */
    @Transactional(readOnly = true)
    public void interactions(long personId, Actor actor, Consumer<ExportedInteraction> each) {
        actor.require(Permission.HANDLE_PRIVACY_REQUESTS);
        Instant beforeAt = null;
        Long beforeId = null;
        while (true) {
            List<ExportedInteraction> page = queries.interactions(personId, beforeAt, beforeId, EXPORT_PAGE);
            page.forEach(each);
            if (page.size() < EXPORT_PAGE) {
                return;
            }
            ExportedInteraction last = page.getLast();
            beforeAt = last.occurredAt();
            beforeId = last.id();
        }
    }

    /**
     * Erases who the person is, on the version the user saw, in one transaction: their record
     * ({@link Contact#anonymise}) and every mention of their names and email in the free texts of the
     * interactions, complaints, surveys and requests around them; the rows stay, so the statistics and the
     * company's history are kept. Refused while a legal hold applies; already done, nothing changes.
     *
     * @throws StaleEditException the person changed since the page was shown
     */
    public AnonymisationOutcome anonymise(long personId, long expectedVersion, Actor actor) {
        actor.require(Permission.HANDLE_PRIVACY_REQUESTS);
        Contact person = clients.contact(personId);
        if (person.isAnonymised()) {
            return new AnonymisationOutcome.AlreadyAnonymised();
        }
        if (person.version() != expectedVersion) {
            throw new StaleEditException("Contact", expectedVersion, person.version());
        }
        List<LegalHold> holds = queries.legalHolds(personId, person.companyId());
        if (!holds.isEmpty()) {
            events.publishEvent(new PersonAnonymisationRefused(personId, actor, holds));
            return new AnonymisationOutcome.Refused(holds);
        }
        Set<String> names = namesOf(person.details());
        Long companyId = person.companyId();
        clients.anonymiseContact(personId, expectedVersion, actor.userId());
        int changed = names.isEmpty() ? 0 : queries.replaceMentions(personId, companyId, names, Contact.ANONYMISED_NAME);
        events.publishEvent(new PersonAnonymised(personId, actor));
        return new AnonymisationOutcome.Anonymised(changed);
    }

    /** What names the person in a free text: their names and email, longest first (an email before its parts). */
    static Set<String> namesOf(ContactDetails d) {
        List<String> names = new ArrayList<>();
        for (String name : new String[] {d.email(), d.firstName(), d.lastName(), d.preferredName()}) {
            if (name != null && name.strip().length() >= MIN_NAME_LENGTH
                    && !Contact.ANONYMISED_NAME.equals(name.strip())) {
                names.add(name.strip());
            }
        }
        names.sort(Comparator.comparingInt(String::length).reversed());
        return new LinkedHashSet<>(names);
    }
}
