package org.relationcrm.dataimport;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * A value an import column may fill, with the header names (French and English, compared without accents, case,
 * spaces or punctuation) that make the mapping guess it. {@link #key()} is the field's name on the domain's forms
 * ({@code name}, {@code legalId}…): a rule the aggregate breaks on that field is reported on this column.
 */
public enum ImportField {
    COMPANY_EXTERNAL_ID(ImportKind.COMPANIES, "externalId", false,
            "external id", "id externe", "identifiant externe", "identifiant", "reference", "ref", "code client", "id"),
    COMPANY_NAME(ImportKind.COMPANIES, "name", true,
            "nom", "name", "raison sociale", "societe", "company", "company name", "entreprise", "denomination"),
    COMPANY_LEGAL_ID(ImportKind.COMPANIES, "legalId", false, "siren", "siret", "legal id", "n siren", "numero siren"),
    COMPANY_SECTOR(ImportKind.COMPANIES, "sector", false, "secteur", "sector", "activite", "industry", "secteur d activite"),
    COMPANY_SIZE(ImportKind.COMPANIES, "size", false, "taille", "size", "categorie", "category"),
    COMPANY_STREET(ImportKind.COMPANIES, "street", false, "adresse", "address", "rue", "street"),
    COMPANY_POSTAL_CODE(ImportKind.COMPANIES, "postalCode", false, "code postal", "cp", "postal code", "zip", "zip code"),
    COMPANY_CITY(ImportKind.COMPANIES, "city", false, "ville", "city", "commune", "localite"),
    COMPANY_COUNTRY(ImportKind.COMPANIES, "country", false, "pays", "country"),
    COMPANY_WEBSITE(ImportKind.COMPANIES, "website", false, "site web", "site", "website", "web", "url"),
    COMPANY_PHONE(ImportKind.COMPANIES, "phone", false, "telephone", "tel", "phone", "standard"),
    COMPANY_STATUS(ImportKind.COMPANIES, "status", false, "statut", "status", "etat"),
    COMPANY_OWNER(ImportKind.COMPANIES, "owner", false,
            "commercial", "proprietaire", "owner", "responsable", "account manager", "suivi par"),
    COMPANY_NOTES(ImportKind.COMPANIES, "notes", false, "notes", "note", "commentaire", "commentaires", "remarques",
            "comments"),

    PERSON_EXTERNAL_ID(ImportKind.PEOPLE, "externalId", false,
            "external id", "id externe", "identifiant externe", "identifiant", "reference", "ref", "id"),
    PERSON_COMPANY(ImportKind.PEOPLE, "company", false,
            "societe", "entreprise", "company", "siren", "siret", "id societe", "company id", "ref societe",
            "company external id"),
    PERSON_CIVILITY(ImportKind.PEOPLE, "civility", false, "civilite", "civility", "salutation"),
    PERSON_FIRST_NAME(ImportKind.PEOPLE, "firstName", false, "prenom", "first name", "firstname", "given name"),
    PERSON_LAST_NAME(ImportKind.PEOPLE, "lastName", true,
            "nom", "last name", "lastname", "surname", "nom de famille", "family name", "name"),
    PERSON_JOB_TITLE(ImportKind.PEOPLE, "jobTitle", false, "fonction", "poste", "job title", "job", "title", "titre"),
    PERSON_EMAIL(ImportKind.PEOPLE, "email", false, "email", "e mail", "mail", "courriel", "adresse email",
            "adresse e mail", "email address"),
    PERSON_PHONE(ImportKind.PEOPLE, "phone", false, "telephone", "tel", "phone", "telephone fixe", "ligne directe"),
    PERSON_MOBILE(ImportKind.PEOPLE, "mobile", false, "mobile", "portable", "telephone mobile", "cell", "cell phone",
            "mobile phone"),
    PERSON_CITY(ImportKind.PEOPLE, "city", false, "ville", "city", "commune"),
    PERSON_LANGUAGE(ImportKind.PEOPLE, "language", false, "langue", "language", "lang"),

    INTERACTION_DATE(ImportKind.INTERACTIONS, "occurredAt", true,
            "date", "date de l echange", "date echange", "le", "occurred at", "when", "date and time"),
    INTERACTION_AUTHOR(ImportKind.INTERACTIONS, "author", false,
            "auteur", "author", "utilisateur", "user", "commercial", "par", "by"),
    INTERACTION_CHANNEL(ImportKind.INTERACTIONS, "channel", true, "canal", "channel", "type", "moyen", "media"),
    INTERACTION_DIRECTION(ImportKind.INTERACTIONS, "direction", false, "sens", "direction", "entrant sortant"),
    INTERACTION_COMPANY(ImportKind.INTERACTIONS, "company", false,
            "societe", "entreprise", "company", "client", "siren", "siret", "id societe", "company id", "ref societe"),
    INTERACTION_PERSON(ImportKind.INTERACTIONS, "person", false,
            "email", "e mail", "mail", "contact", "personne", "person", "email du contact", "contact email"),
    INTERACTION_SUBJECT(ImportKind.INTERACTIONS, "subject", true, "objet", "sujet", "subject", "titre", "title"),
    INTERACTION_SUMMARY(ImportKind.INTERACTIONS, "summary", false,
            "resume", "compte rendu", "notes", "summary", "description", "details", "commentaire");

    private final ImportKind kind;
    private final String key;
    private final boolean required;
    private final List<String> aliases;

    ImportField(ImportKind kind, String key, boolean required, String... aliases) {
        this.kind = kind;
        this.key = key;
        this.required = required;
        this.aliases = List.of(aliases).stream().map(ImportField::normalize).toList();
    }

    public ImportKind kind() {
        return kind;
    }

    /** The domain's name of the field, and the message key's last part ({@code import.field.<kind>.<key>}). */
    public String key() {
        return key;
    }

    /** A file without a column for it cannot be imported. */
    public boolean required() {
        return required;
    }

    /** Whether a header names this field (the first alias a header is compared with wins, see ColumnMapping). */
    int rank(String header) {
        return aliases.indexOf(normalize(header));
    }

    /** A header as compared: no accents, lower case, letters and digits separated by single spaces. */
    static String normalize(String header) {
        if (header == null) {
            return "";
        }
        String plain = Normalizer.normalize(header, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }
}
