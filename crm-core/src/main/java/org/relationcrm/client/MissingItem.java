package org.relationcrm.client;

/**
 * Something a well-fed CRM would know about a client and we don't. Weights add up to 100:
 * a company that has them all scores 100. The message key names the item in the user's language.
 */
public enum MissingItem {
    NO_CONTACT(20),
    NO_MAIN_CONTACT_EMAIL(15),
    NO_MAIN_CONTACT_PHONE(15),
    NO_PREFERRED_CHANNEL(10),
    NO_SECTOR(10),
    NO_CITY(10),
    NO_RECENT_INTERACTION(10),
    NO_LEGAL_ID(5),
    NO_WEBSITE(5);

    private final int weight;

    MissingItem(int weight) {
        this.weight = weight;
    }

    public int weight() {
        return weight;
    }

    public String messageKey() {
        return "completeness." + name();
    }
}
