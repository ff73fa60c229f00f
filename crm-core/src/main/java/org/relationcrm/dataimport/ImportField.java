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
            "resume", "compte rendu", "notes", "summary", "description", "details", "commentaire"),

    // One row per line of an order: the rows sharing a reference form one order (see ImportRows.OrderRow).
    ORDER_REFERENCE(ImportKind.ORDERS, "reference", true,
            "n commande", "numero de commande", "no commande", "num commande", "reference commande", "ref commande",
            "commande", "order number", "order reference", "order id", "order", "reference", "ref", "external id",
            "id externe", "identifiant externe", "id"),
    ORDER_COMPANY(ImportKind.ORDERS, "company", true,
            "client", "code client", "ref client", "societe", "entreprise", "company", "customer", "siren", "siret",
            "raison sociale", "id societe", "company id", "customer id"),
    ORDER_DATE(ImportKind.ORDERS, "orderedOn", true,
            "date commande", "date de commande", "date", "order date", "ordered on", "le"),
    ORDER_PROMISED_ON(ImportKind.ORDERS, "promisedOn", false,
            "date de livraison prevue", "livraison prevue", "date prevue", "date livraison prevue", "promised on",
            "promised date", "due date"),
    ORDER_STATUS(ImportKind.ORDERS, "status", false, "statut", "status", "etat", "state"),
    ORDER_PAYMENT_TERMS(ImportKind.ORDERS, "paymentTerms", false,
            "conditions de paiement", "conditions de reglement", "mode de reglement", "reglement", "payment terms",
            "terms", "echeance"),
    ORDER_CURRENCY(ImportKind.ORDERS, "currency", false, "devise", "currency", "monnaie"),
    ORDER_PRODUCT(ImportKind.ORDERS, "productLine", true,
            "produit", "gamme", "ligne de produit", "code produit", "article", "code article", "famille",
            "product", "product line", "product code", "item", "designation"),
    ORDER_QUANTITY(ImportKind.ORDERS, "quantity", false, "quantite", "qte", "qty", "quantity", "nombre"),
    ORDER_UNIT_PRICE(ImportKind.ORDERS, "unitPrice", false,
            "prix unitaire", "pu", "pu ht", "prix unitaire ht", "unit price", "price", "prix", "tarif"),
    ORDER_DISCOUNT(ImportKind.ORDERS, "discountPercent", false,
            "remise", "remise en", "remise %", "discount", "discount %", "discount percent"),
    ORDER_AMOUNT(ImportKind.ORDERS, "amount", false,
            "montant", "montant ht", "total ligne", "total ht", "amount", "line total", "total"),
    ORDER_SHIPPED_ON(ImportKind.ORDERS, "shippedOn", false,
            "date d expedition", "date expedition", "expediee le", "shipped on", "shipping date"),
    ORDER_DELIVERED_ON(ImportKind.ORDERS, "deliveredOn", false,
            "date de livraison", "date livraison", "livree le", "delivered on", "delivery date"),
    ORDER_INVOICED_ON(ImportKind.ORDERS, "invoicedOn", false,
            "date de facture", "date facture", "facturee le", "invoice date", "invoiced on"),
    ORDER_PAID(ImportKind.ORDERS, "paid", false,
            "payee", "paye", "reglee", "regle", "facture payee", "facture reglee", "paid", "invoice paid"),
    ORDER_PAID_ON(ImportKind.ORDERS, "paidOn", false,
            "date de paiement", "date de reglement", "payee le", "reglee le", "paid on", "payment date"),
    ORDER_CANCEL_REASON(ImportKind.ORDERS, "cancelReason", false,
            "motif d annulation", "motif annulation", "motif", "cancel reason", "cancellation reason"),
    ORDER_AUTHOR(ImportKind.ORDERS, "author", false,
            "saisie par", "saisi par", "adv", "auteur", "author", "created by", "utilisateur", "user");

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
