package org.relationcrm.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.relationcrm.shared.Channel;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.Text;

/**
 * A person: someone in a client company, or a private customer with no company.
 * What makes them a person and not a file number lives here: the name they like to be called by,
 * how and in which language they like to be reached, the dates that matter to them, their preferences.
 */
@Entity
@Table(name = "contact")
public class Contact {

    // The formats, declared here only: the form's @Pattern reads them.
    public static final String EMAIL_FORMAT = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    public static final String LANGUAGE_FORMAT = "[a-z]{2}";
    private static final Pattern EMAIL = Pattern.compile(EMAIL_FORMAT);
    private static final Pattern LANGUAGE = Pattern.compile(LANGUAGE_FORMAT);
    // The limits, declared here only: the form's @Size reads them.
    public static final int MAX_NAME = 100;
    public static final int MAX_JOB_TITLE = 120;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_PHONE = 40;
    public static final int MAX_CITY = 120;
    public static final int MAX_PERSONAL_NOTES = 4_000;
    public static final int MAX_PREFERENCES = 2_000;
    public static final int MAX_IMPORTANT_DATES = 10;
    /**
     * The last name an anonymised person keeps (the column is required): a fixed token, never shown as such on the
     * person's pages, which say "anonymised person" in the reader's language. Nobody may be given it as a name.
     */
    public static final String ANONYMISED_NAME = "***";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    /** Null for a private customer. */
    @Column(name = "company_id")
    private Long companyId;

    /** The person we talk to first at this company. */
    @Column(name = "primary_contact", nullable = false)
    private boolean primaryContact;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Civility civility;

    @Column(name = "first_name")
    private String firstName;

    @Column(name = "last_name", nullable = false)
    private String lastName;

    @Column(name = "preferred_name")
    private String preferredName;

    @Column(name = "job_title")
    private String jobTitle;

    private String email;

    private String phone;

    private String mobile;

    private String city;

    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_channel")
    private Channel preferredChannel;

    private String language;

    @ElementCollection
    @CollectionTable(name = "contact_important_date", joinColumns = @JoinColumn(name = "contact_id"))
    @OrderColumn(name = "position")
    private List<ImportantDate> importantDates = new ArrayList<>();

    @Column(name = "personal_notes")
    private String personalNotes;

    private String preferences;

    @Embedded
    private Consent consent;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** When the person was anonymised (GDPR erasure), null while they are known. */
    @Column(name = "anonymised_at")
    private Instant anonymisedAt;

    protected Contact() {
    }

    private Contact(Long companyId, boolean primaryContact, ContactDetails details, Instant createdAt) {
        this.companyId = companyId;
        this.primaryContact = primaryContact;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        apply(details);
    }

    /** A person working at a company; the first one becomes its primary contact. */
    public static Contact atCompany(long companyId, boolean primary, ContactDetails details, Instant createdAt) {
        return new Contact(companyId, primary, details, createdAt);
    }

    /** A private customer, with no company. */
    public static Contact privateCustomer(ContactDetails details, Instant createdAt) {
        return new Contact(null, false, details, createdAt);
    }

    public void revise(ContactDetails details) {
        if (anonymisedAt != null) {
            throw new RuleViolation("lastName", "contact.anonymised.noEdit");
        }
        apply(details);
    }

    /**
     * Erases who the person is (GDPR): names, ways to reach them, notes, preferences, dates and consents. The row
     * stays, with its company and the interactions it took part in, so the statistics and the company's history
     * keep counting them. Doing it again changes nothing.
     *
     * @return false if they were already anonymised
     */
    public boolean anonymise(Instant at) {
        if (anonymisedAt != null) {
            return false;
        }
        this.civility = Civility.NONE;
        this.firstName = null;
        this.lastName = ANONYMISED_NAME;
        this.preferredName = null;
        this.jobTitle = null;
        this.email = null;
        this.phone = null;
        this.mobile = null;
        this.city = null;
        this.preferredChannel = null;
        this.language = null;
        this.importantDates.clear();
        this.personalNotes = null;
        this.preferences = null;
        this.consent = Consent.none();
        this.anonymisedAt = Objects.requireNonNull(at, "at");
        return true;
    }

    public boolean isAnonymised() {
        return anonymisedAt != null;
    }

    /**
     * Whether a name read back (a read model's columns) is an anonymised person's: no first name, the
     * {@link #ANONYMISED_NAME} token. Pages then show "anonymised person" in the reader's language.
     */
    public static boolean isAnonymisedName(String firstName, String lastName) {
        return firstName == null && ANONYMISED_NAME.equals(lastName);
    }

    public Instant anonymisedAt() {
        return anonymisedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public void makePrimary() {
        this.primaryContact = true;
    }

    public void stopBeingPrimary() {
        this.primaryContact = false;
    }

    private void apply(ContactDetails details) {
        this.civility = details.civility() == null ? Civility.NONE : details.civility();
        this.firstName = Text.optional(details.firstName(), MAX_NAME, "firstName");
        this.lastName = Text.required(details.lastName(), MAX_NAME, "lastName");
        if (ANONYMISED_NAME.equals(this.lastName)) {
            throw new RuleViolation("lastName", "contact.lastName.reserved");
        }
        this.preferredName = Text.optional(details.preferredName(), MAX_NAME, "preferredName");
        this.jobTitle = Text.optional(details.jobTitle(), MAX_JOB_TITLE, "jobTitle");
        String mail = Text.optional(details.email(), MAX_EMAIL, "email");
        if (mail != null && !EMAIL.matcher(mail).matches()) {
            throw new RuleViolation("email", "Email");
        }
        this.email = mail == null ? null : mail.toLowerCase(java.util.Locale.ROOT);
        this.phone = Text.optional(details.phone(), MAX_PHONE, "phone");
        this.mobile = Text.optional(details.mobile(), MAX_PHONE, "mobile");
        this.city = Text.optional(details.city(), MAX_CITY, "city");
        this.preferredChannel = details.preferredChannel();
        String lang = details.language() == null || details.language().isBlank() ? null : details.language().strip();
        if (lang != null && !LANGUAGE.matcher(lang).matches()) {
            throw new RuleViolation("language", "contact.language.invalid"); // two letters, such as fr or en
        }
        this.language = lang;
        if (details.importantDates().size() > MAX_IMPORTANT_DATES) {
            throw new RuleViolation("importantDates", "contact.importantDate.tooMany", MAX_IMPORTANT_DATES);
        }
        this.importantDates.clear();
        this.importantDates.addAll(details.importantDates());
        this.personalNotes = Text.optional(details.personalNotes(), MAX_PERSONAL_NOTES, "personalNotes");
        this.preferences = Text.optional(details.preferences(), MAX_PREFERENCES, "preferences");
        this.consent = details.consent();
    }

    /** The name to greet them with: the preferred name if they gave one, else the first name, else the civility. */
    public String greetingName() {
        if (preferredName != null) {
            return preferredName;
        }
        return firstName != null ? firstName : lastName;
    }

    public ContactDetails details() {
        return new ContactDetails(civility, firstName, lastName, preferredName, jobTitle, email, phone, mobile, city,
                preferredChannel, language, List.copyOf(importantDates), personalNotes, preferences, consent);
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public Long companyId() {
        return companyId;
    }

    public boolean isPrimaryContact() {
        return primaryContact;
    }

    public String fullName() {
        return firstName == null ? lastName : firstName + " " + lastName;
    }

    public Consent consent() {
        return consent;
    }

    public List<ImportantDate> importantDates() {
        return List.copyOf(importantDates);
    }
}
