package org.relationcrm.client;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.Text;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;

/** A client company. Its people are {@link Contact}s, its story is the interaction timeline. */
@Entity
@Table(name = "company")
public class Company {

    // The limits, declared here only: the form's @Size reads them.
    public static final int MAX_NAME = 200;
    public static final int MAX_LEGAL_ID = 20;
    public static final int MAX_SECTOR = 120;
    public static final int MAX_STREET = 200;
    public static final int MAX_POSTAL_CODE = 20;
    public static final int MAX_CITY = 120;
    public static final int MAX_COUNTRY = 80;
    public static final int MAX_WEBSITE = 200;
    public static final int MAX_PHONE = 40;
    public static final int MAX_NOTES = 4_000;

    /** A SIREN (9 digits) or a SIRET (14), spaces between digits allowed; the form's @Pattern reads it. */
    public static final String LEGAL_ID_FORMAT = "(\\d\\s*){8}\\d|(\\d\\s*){13}\\d";
    private static final Pattern LEGAL_ID = Pattern.compile(LEGAL_ID_FORMAT);
    /** Message code: the SIREN is held by another active company (argument: its name). */
    public static final String SIREN_TAKEN = "company.legalId.taken";
    /** The unique index that keeps one active company per SIREN (V59). */
    public static final String SIREN_UNIQUE_INDEX = "company_siren_unique";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false)
    private String name;

    @Column(name = "legal_id")
    private String legalId;

    private String sector;

    @Enumerated(EnumType.STRING)
    private CompanySize size;

    private String street;

    @Column(name = "postal_code")
    private String postalCode;

    private String city;

    private String country;

    private String website;

    private String phone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CompanyStatus status;

    @Column(name = "owner_id", nullable = false)
    private long ownerId;

    private String notes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Company() {
    }

    public Company(CompanyDetails details, Instant createdAt) {
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        apply(details);
    }

    /** Replaces what is written about the company. Only someone allowed to edit it should get here. */
    public void revise(CompanyDetails details) {
        apply(details);
    }

    /** The owner, or someone who may edit any company (a manager, an administrator); others read it. */
    public boolean canBeEditedBy(Actor actor) {
        return editableBy(ownerId, actor);
    }

    /** The editing rule, for read models that know the owner but are not the entity. */
    public static boolean editableBy(long ownerId, Actor actor) {
        return actor.userId() == ownerId || actor.can(Permission.EDIT_ANY_COMPANY);
    }

    private void apply(CompanyDetails details) {
        this.name = Text.required(details.name(), MAX_NAME, "name");
        String legal = Text.optional(details.legalId(), MAX_LEGAL_ID, "legalId");
        if (legal != null) {
            legal = legal.replace(" ", "");
            if (!LEGAL_ID.matcher(legal).matches()) {
                throw new RuleViolation("legalId", "company.legalId.invalid"); // a SIREN (9 digits) or SIRET (14)
            }
        }
        this.legalId = legal;
        this.sector = Text.optional(details.sector(), MAX_SECTOR, "sector");
        this.size = details.size();
        this.street = Text.optional(details.street(), MAX_STREET, "street");
        this.postalCode = Text.optional(details.postalCode(), MAX_POSTAL_CODE, "postalCode");
        this.city = Text.optional(details.city(), MAX_CITY, "city");
        this.country = Text.optional(details.country(), MAX_COUNTRY, "country");
        this.website = Text.optional(details.website(), MAX_WEBSITE, "website");
        this.phone = Text.optional(details.phone(), MAX_PHONE, "phone");
        this.status = Objects.requireNonNull(details.status(), "status");
        this.ownerId = details.ownerId();
        this.notes = Text.optional(details.notes(), MAX_NOTES, "notes");
    }

    /** The SIREN a SIREN or SIRET gives (its first 9 digits, spaces ignored), or null. */
    public static String siren(String legalId) {
        if (legalId == null) {
            return null;
        }
        String digits = legalId.replace(" ", "").strip();
        return LEGAL_ID.matcher(digits).matches() ? digits.substring(0, 9) : null;
    }

    public CompanyDetails details() {
        return new CompanyDetails(name, legalId, sector, size, street, postalCode, city, country, website, phone,
                status, ownerId, notes);
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public String name() {
        return name;
    }

    public CompanyStatus status() {
        return status;
    }

    public long ownerId() {
        return ownerId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
