package org.relationcrm.client;

/**
 * Everything a user can write about a company, as one command: used to create it and to revise it.
 * Blank optional fields are stored as null, so "missing" means the same thing everywhere.
 */
public record CompanyDetails(
        String name,
        String legalId,
        String sector,
        CompanySize size,
        String street,
        String postalCode,
        String city,
        String country,
        String website,
        String phone,
        CompanyStatus status,
        long ownerId,
        String notes) {
}
