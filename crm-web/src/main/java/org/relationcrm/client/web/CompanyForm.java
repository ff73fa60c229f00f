package org.relationcrm.client.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.relationcrm.client.Company;
import org.relationcrm.client.CompanyDetails;
import org.relationcrm.client.CompanySize;
import org.relationcrm.client.CompanyStatus;

/** The company form as the browser sends it. {@code version} is the version the user started editing from. */
record CompanyForm(
        @NotBlank @Size(max = Company.MAX_NAME) String name,
        @Size(max = Company.MAX_LEGAL_ID) @Pattern(regexp = "\\s*|\\s*(" + Company.LEGAL_ID_FORMAT + ")\\s*",
                message = "{company.legalId.invalid}") String legalId,
        @Size(max = Company.MAX_SECTOR) String sector,
        CompanySize size,
        @Size(max = Company.MAX_STREET) String street,
        @Size(max = Company.MAX_POSTAL_CODE) String postalCode,
        @Size(max = Company.MAX_CITY) String city,
        @Size(max = Company.MAX_COUNTRY) String country,
        @Size(max = Company.MAX_WEBSITE) @Pattern(regexp = "^\\s*$|^(https?://)?[\\w.-]+\\.[a-z]{2,}(/\\S*)?\\s*$",
                message = "{company.website.invalid}") String website,
        @Size(max = Company.MAX_PHONE) String phone,
        @NotNull CompanyStatus status,
        @NotNull Long ownerId,
        @Size(max = Company.MAX_NOTES) String notes,
        Long version,
        /** The user saw the likely duplicates and saves anyway (never enough for a SIREN already held). */
        Boolean anyway) {

    static CompanyForm blank(long ownerId) {
        return new CompanyForm(null, null, null, null, null, null, null, "France", null, null, CompanyStatus.PROSPECT,
                ownerId, null, null, null);
    }

    static CompanyForm of(CompanyDetails d, long version) {
        return new CompanyForm(d.name(), d.legalId(), d.sector(), d.size(), d.street(), d.postalCode(), d.city(),
                d.country(), d.website(), d.phone(), d.status(), d.ownerId(), d.notes(), version, null);
    }

    boolean confirmedAnyway() {
        return Boolean.TRUE.equals(anyway);
    }

    CompanyDetails toDetails() {
        return new CompanyDetails(name, legalId, sector, size, street, postalCode, city, country, website, phone, status,
                ownerId, notes);
    }
}
