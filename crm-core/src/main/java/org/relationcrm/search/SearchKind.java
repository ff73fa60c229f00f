package org.relationcrm.search;

/** What the search box finds, in the order its results are shown. */
public enum SearchKind {
    /** A company, by its name, city, SIREN or phone. */
    COMPANY,
    /** A person, in a company or a private customer, by name, email, city or phone. */
    PERSON,
    /** A deal, by its title or by its company's name. */
    DEAL,
    /** A complaint, by its number, its company's name or a word of its description. */
    COMPLAINT
}
