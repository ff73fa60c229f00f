package org.relationcrm.client;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.relationcrm.client.internal.DuplicateQueries;
import org.relationcrm.shared.ForbiddenActionException;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;
import org.relationcrm.team.UserRepository;

/** Creating and editing companies and the people in them. */
@Service
@Transactional
public class ClientService {

    private final CompanyRepository companies;
    private final ContactRepository contacts;
    private final UserRepository users;
    private final DuplicateQueries duplicates;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    /** How many likely duplicates a form shows at most. */
    public static final int DUPLICATES_SHOWN = 5;

    public ClientService(CompanyRepository companies, ContactRepository contacts, UserRepository users,
                         DuplicateQueries duplicates, Clock clock, ApplicationEventPublisher events) {
        this.companies = companies;
        this.contacts = contacts;
        this.users = users;
        this.duplicates = duplicates;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Saved companies that look like this one (other than {@code exceptId}, the company being edited), for the form
     * to show before saving. A SIREN held by another company is refused on save, whatever the user confirms.
     */
    @Transactional(readOnly = true)
    public List<DuplicateHint> likelyDuplicates(CompanyDetails details, Long exceptId) {
        return duplicates.companies(details, exceptId, DUPLICATES_SHOWN);
    }

    /** People who look like this one, for the person form; {@code companyId}: where they are being added. */
    @Transactional(readOnly = true)
    public List<DuplicateHint> likelyDuplicates(ContactDetails details, Long companyId, Long exceptId) {
        return duplicates.contacts(details, companyId, exceptId, DUPLICATES_SHOWN);
    }

    /**
     * The active company holding the SIREN of {@code legalId}, other than {@code exceptId}. Also what a caller asks
     * after the unique index {@link Company#SIREN_UNIQUE_INDEX} refused a save made at the same time as another.
     */
    @Transactional(readOnly = true)
    public Optional<DuplicateHint> sirenHolder(String legalId, Long exceptId) {
        return duplicates.sirenHolder(Company.siren(legalId), exceptId);
    }

    private void requireFreeSiren(String legalId, Long exceptId) {
        sirenHolder(legalId, exceptId).ifPresent(holder -> {
            throw new SirenTakenException(holder.id(), holder.name());
        });
    }

    public Company createCompany(CompanyDetails details, Actor actor) {
        if (!actor.can(Permission.REGISTER_COMPANIES)) {
            throw new ForbiddenActionException("role " + actor.role() + " cannot create companies");
        }
        requireOwner(details.ownerId());
        requireFreeSiren(details.legalId(), null);
        return companies.save(new Company(details, clock.instant()));
    }

    /**
     * Saves an edit made on version {@code expectedVersion}. If someone saved in between, nothing is written
     * and {@link StaleEditException} says so.
     */
    public Company reviseCompany(long companyId, long expectedVersion, CompanyDetails details, Actor actor) {
        Company company = company(companyId);
        if (!company.canBeEditedBy(actor)) {
            throw new ForbiddenActionException("only the owner, a manager or an administrator can edit this company");
        }
        if (company.version() != expectedVersion) {
            throw new StaleEditException("Company", expectedVersion, company.version());
        }
        requireOwner(details.ownerId());
        if (!java.util.Objects.equals(Company.siren(details.legalId()), Company.siren(company.details().legalId()))) {
            requireFreeSiren(details.legalId(), companyId);
        }
        company.revise(details);
        return company;
    }

    @Transactional(readOnly = true)
    public Company company(long companyId) {
        return companies.findById(companyId).orElseThrow(() -> new NotFoundException("Company", companyId));
    }

    /** Anyone who learns something about a person may write it down: sales, support, ADV alike. */
    public Contact addContact(long companyId, ContactDetails details) {
        return addContact(companyId, details, ConsentRecording.unknownUser());
    }

    /** As {@link #addContact(long, ContactDetails)}, saying who records the person's consent and through what. */
    public Contact addContact(long companyId, ContactDetails details, ConsentRecording recording) {
        if (!companies.existsById(companyId)) {
            throw new NotFoundException("Company", companyId);
        }
        boolean first = contacts.findFirstByCompanyIdAndPrimaryContactTrue(companyId).isEmpty();
        Contact contact = contacts.save(Contact.atCompany(companyId, first, details, clock.instant()));
        consentRecorded(contact, null, recording);
        return contact;
    }

    public Contact addPrivateCustomer(ContactDetails details) {
        return addPrivateCustomer(details, ConsentRecording.unknownUser());
    }

    public Contact addPrivateCustomer(ContactDetails details, ConsentRecording recording) {
        Contact contact = contacts.save(Contact.privateCustomer(details, clock.instant()));
        consentRecorded(contact, null, recording);
        return contact;
    }

    public Contact reviseContact(long contactId, long expectedVersion, ContactDetails details) {
        return reviseContact(contactId, expectedVersion, details, ConsentRecording.unknownUser());
    }

    /** Saves an edit of a person made on {@code expectedVersion}; a change of consent is published with its source. */
    public Contact reviseContact(long contactId, long expectedVersion, ContactDetails details,
                                 ConsentRecording recording) {
        Contact contact = contact(contactId);
        if (contact.version() != expectedVersion) {
            throw new StaleEditException("Contact", expectedVersion, contact.version());
        }
        Consent before = contact.consent();
        contact.revise(details);
        if (!java.util.Objects.equals(before, contact.consent())) {
            consentRecorded(contact, before, recording);
        }
        return contact;
    }

    /**
     * Erases who the person is ({@link Contact#anonymise}) as seen on version {@code expectedVersion}; their
     * consents end with it ({@link ConsentSource#ERASURE}). Whether the law allows it now is the caller's to check
     * (the privacy module's legal holds).
     *
     * @return false if they were already anonymised
     */
    public boolean anonymiseContact(long contactId, long expectedVersion, long userId) {
        Contact contact = contact(contactId);
        if (contact.isAnonymised()) {
            return false;
        }
        if (contact.version() != expectedVersion) {
            throw new StaleEditException("Contact", expectedVersion, contact.version());
        }
        Consent before = contact.consent();
        contact.anonymise(clock.instant());
        if (!before.equals(contact.consent())) {
            consentRecorded(contact, before, new ConsentRecording(ConsentSource.ERASURE, userId));
        }
        return true;
    }

    /** A new person's consent (when they gave any), or a change of it: {@link ConsentChanged}. */
    private void consentRecorded(Contact contact, Consent before, ConsentRecording recording) {
        if (before == null && contact.consent().equals(Consent.none())) {
            return; // nothing agreed to, nothing to prove
        }
        events.publishEvent(new ConsentChanged(contact.id(), before, contact.consent(), recording.source(),
                recording.userId(), clock.instant()));
    }

    /** Makes this person the company's first point of contact; the previous one stops being it. */
    /** Makes the person their company's primary contact, as the user saw them: if they changed since, nothing is done. */
    public void makePrimary(long contactId, long expectedVersion) {
        Contact contact = contact(contactId);
        if (contact.version() != expectedVersion) {
            throw new StaleEditException("Contact", expectedVersion, contact.version());
        }
        if (contact.companyId() == null) {
            throw new IllegalArgumentException("a private customer has no company to be the primary contact of");
        }
        contacts.findFirstByCompanyIdAndPrimaryContactTrue(contact.companyId())
                .filter(previous -> !previous.id().equals(contact.id()))
                .ifPresent(Contact::stopBeingPrimary);
        contact.makePrimary();
    }

    @Transactional(readOnly = true)
    public Contact contact(long contactId) {
        return contacts.findById(contactId).orElseThrow(() -> new NotFoundException("Contact", contactId));
    }

    private void requireOwner(long ownerId) {
        if (users.findById(ownerId).filter(u -> u.enabled()).isEmpty()) {
            throw new IllegalArgumentException("owner must be an active user");
        }
    }
}
