package org.relationcrm.client.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.relationcrm.client.CompanyDetails;
import org.relationcrm.client.CompanySize;
import org.relationcrm.client.CompanyStatus;

/** The company form as the browser sends it. {@code version} is the version the user started editing from. */
record CompanyForm(
        @NotBlank @Size(max = 200) String name,
        @Pattern(regexp = "^\\s*(\\d\\s*){9}$|^\\s*(\\d\\s*){14}$|^\\s*$", message = "{company.legalId.invalid}") String legalId,
        @Size(max = 120) String sector,
        CompanySize size,
        @Size(max = 200) String street,
        @Size(max = 20) String postalCode,
        @Size(max = 120) String city,
        @Size(max = 80) String country,
        @Size(max = 200) @Pattern(regexp = "^\\s*$|^(https?://)?[\\w.-]+\\.[a-z]{2,}(/\\S*)?\\s*$",
                message = "{company.website.invalid}") String website,
        @Size(max = 40) String phone,
        @NotNull CompanyStatus status,
        @NotNull Long ownerId,
        @Size(max = 4000) String notes,
        Long version) {

    static CompanyForm blank(long ownerId) {
        return new CompanyForm(null, null, null, null, null, null, null, "France", null, null, CompanyStatus.PROSPECT,
                ownerId, null, null);
    }

    static CompanyForm of(CompanyDetails d, long version) {
        return new CompanyForm(d.name(), d.legalId(), d.sector(), d.size(), d.street(), d.postalCode(), d.city(),
                d.country(), d.website(), d.phone(), d.status(), d.ownerId(), d.notes(), version);
    }

    CompanyDetails toDetails() {
        return new CompanyDetails(name, legalId, sector, size, street, postalCode, city, country, website, phone, status,
                ownerId, notes);
    }
}
