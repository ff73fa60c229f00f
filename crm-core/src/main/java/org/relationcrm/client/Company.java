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

import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;

/** A client company. Its people are {@link Contact}s, its story is the interaction timeline. */
@Entity
@Table(name = "company")
public class Company {

    private static final Pattern SIREN = Pattern.compile("\\d{9}|\\d{14}");

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
        this.name = Text.required(details.name(), 200, "name");
        String legal = Text.optional(details.legalId(), 20, "legalId");
        if (legal != null) {
            legal = legal.replace(" ", "");
            if (!SIREN.matcher(legal).matches()) {
                throw new IllegalArgumentException("legalId must be a SIREN (9 digits) or SIRET (14 digits)");
            }
        }
        this.legalId = legal;
        this.sector = Text.optional(details.sector(), 120, "sector");
        this.size = details.size();
        this.street = Text.optional(details.street(), 200, "street");
        this.postalCode = Text.optional(details.postalCode(), 20, "postalCode");
        this.city = Text.optional(details.city(), 120, "city");
        this.country = Text.optional(details.country(), 80, "country");
        this.website = Text.optional(details.website(), 200, "website");
        this.phone = Text.optional(details.phone(), 40, "phone");
        this.status = Objects.requireNonNull(details.status(), "status");
        this.ownerId = details.ownerId();
        this.notes = Text.optional(details.notes(), 4000, "notes");
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
