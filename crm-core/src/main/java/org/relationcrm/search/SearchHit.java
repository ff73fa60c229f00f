package org.relationcrm.search;

/**
 * One result of the search box. {@code name} is what the user recognises first (the company's or the person's name,
 * the deal's title, the complaint's subject); {@code companyName} and {@code city} say where it
 * belongs; {@code state} is the name of its status enum (company status, deal stage, complaint status) or null.
 */
public record SearchHit(SearchKind kind, long id, String name, String companyName, String city, String state) {
}
