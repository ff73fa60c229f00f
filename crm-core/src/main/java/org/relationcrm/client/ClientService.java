package org.relationcrm.client;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
    private final Clock clock;

    public ClientService(CompanyRepository companies, ContactRepository contacts, UserRepository users, Clock clock) {
        this.companies = companies;
        this.contacts = contacts;
        this.users = users;
        this.clock = clock;
    }

    public Company createCompany(CompanyDetails details, Actor actor) {
        if (!actor.can(Permission.REGISTER_COMPANIES)) {
            throw new ForbiddenActionException("role " + actor.role() + " cannot create companies");
        }
        requireOwner(details.ownerId());
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
        company.revise(details);
        return company;
    }

    @Transactional(readOnly = true)
    public Company company(long companyId) {
        return companies.findById(companyId).orElseThrow(() -> new NotFoundException("Company", companyId));
    }

    /** Anyone who learns something about a person may write it down: sales, support, ADV alike. */
    public Contact addContact(long companyId, ContactDetails details) {
        if (!companies.existsById(companyId)) {
            throw new NotFoundException("Company", companyId);
        }
        boolean first = contacts.findFirstByCompanyIdAndPrimaryContactTrue(companyId).isEmpty();
        return contacts.save(Contact.atCompany(companyId, first, details, clock.instant()));
    }

    public Contact addPrivateCustomer(ContactDetails details) {
        return contacts.save(Contact.privateCustomer(details, clock.instant()));
    }

    public Contact reviseContact(long contactId, long expectedVersion, ContactDetails details) {
        Contact contact = contact(contactId);
        if (contact.version() != expectedVersion) {
            throw new StaleEditException("Contact", expectedVersion, contact.version());
        }
        contact.revise(details);
        return contact;
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
